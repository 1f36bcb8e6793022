package se.samla.digests;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the digests.
 *
 * @param themes the keyword lists that tag free-text answers with the development areas
 * (kept beside the questionnaires)
 * @param email how much of a digest its email body shows
 */
@ConfigurationProperties("samla.digests")
public record DigestProperties(@DefaultValue("./conversations/themes.yml") Path themes, @DefaultValue Email email) {

	public DigestProperties {
		// the defaults below, when made in code rather than bound
		if (email == null) {
			email = new Email(20, 50, DataSize.ofMegabytes(1));
		}
	}

	/**
	 * How much of a digest the email body shows: a bounded selection, with counts for the
	 * rest and a pointer to the attached workbook, which holds every answer. Mail servers
	 * take a few MB per message at most, and nobody reads 10,000 answers in a mail.
	 *
	 * @param answersPerQuestion the answers shown per question (the first, in the
	 * directory's order of organisations)
	 * @param rowsPerList the rows shown of any other list that grows with the number of
	 * people: who has not answered, who cannot be reached, changes, the follow-up's
	 * activities, and the responses of a colour table (more are summed up per level)
	 * @param maxSize the most the HTML body (and, separately, the text body) may take in
	 * UTF-8, whatever the settings above allow
	 */
	public record Email(@DefaultValue("20") int answersPerQuestion, @DefaultValue("50") int rowsPerList,
			@DefaultValue("1MB") DataSize maxSize) {

		public Email {
			if (answersPerQuestion < 0 || rowsPerList < 0) {
				throw new IllegalArgumentException(
						"samla.digests.email.answers-per-question and rows-per-list must not be negative");
			}
			if (maxSize == null || maxSize.toBytes() < 64 * 1024) {
				throw new IllegalArgumentException("samla.digests.email.max-size must be at least 64KB, is " + maxSize);
			}
		}

	}

}
