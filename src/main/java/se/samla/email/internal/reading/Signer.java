package se.samla.email.internal.reading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Who wrote a reply, as far as Samla knows: their own name, role and organisation at the
 * end of a reply are their signature, however they laid it out.
 *
 * @param names the person's names: from the directory and from the email's From header
 * (display name and address), each as written
 * @param role the person's job title, or {@code null}
 * @param organisation the name of the person's organisation, or {@code null}
 */
public record Signer(List<String> names, String role, String organisation) {

	/** Nothing known about the writer. */
	public static final Signer UNKNOWN = new Signer(List.of(), null, null);

	public Signer {
		names = (names == null) ? List.of()
				: names.stream().filter((name) -> name != null && !name.isBlank()).map(String::strip).toList();
		role = (role == null || role.isBlank()) ? null : role.strip();
		organisation = (organisation == null || organisation.isBlank()) ? null : organisation.strip();
	}

	/**
	 * The signer of a message: the person the directory knows, plus the name and address
	 * in the message's From header, since people sign with the name their mail shows.
	 * @param message the reply
	 * @param name the person's name in the directory, or {@code null}
	 * @param role the person's role, or {@code null}
	 * @param organisation the person's organisation's name, or {@code null}
	 * @return the signer
	 */
	public static Signer of(Part message, String name, String role, String organisation) {
		List<String> names = new ArrayList<>();
		names.add(name);
		if (message instanceof MimeMessage mime) {
			try {
				Address[] from = mime.getFrom();
				if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
					names.add(address.getPersonal());
					String mailbox = address.getAddress();
					if (mailbox != null && mailbox.contains("@")) {
						names.add(mailbox.substring(0, mailbox.indexOf('@')).replaceAll("[._]+", " "));
					}
				}
			}
			catch (MessagingException ex) {
				// an unreadable From only means one name fewer to recognise
			}
		}
		return new Signer(names, role, organisation);
	}

	/**
	 * Every word of every name, lower case without diacritics ("Öberg" is "oberg"), for
	 * comparing with what people type.
	 * @return the name words, at least two letters each
	 */
	Set<String> nameWords() {
		Set<String> words = new LinkedHashSet<>();
		for (String name : this.names) {
			for (String word : plain(name).split("[^\\p{L}]+")) {
				if (word.length() >= 2) {
					words.add(word);
				}
			}
		}
		return words;
	}

	/** Lower case, without diacritics, for comparing names as people type them. */
	static String plain(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return decomposed.toLowerCase(Locale.ROOT);
	}

}
