package se.samla.email.internal.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Recognises the lines of our own email that follow the questions (how to answer, the
 * footer, the signature separator), in every language we send, so that an answer typed
 * under the last question of an unmarked quote ends where our text resumes even when the
 * client kept no blank line between them.
 */
final class OurText {

	/** The message bundles our emails are written from. */
	private static final List<String> BUNDLES = List.of("/messages.properties", "/messages_en.properties");

	/** The texts our emails print after the list of questions. */
	private static final Pattern KEYS = Pattern
		.compile("email\\.how-to\\.\\d+|email\\.how-to\\.choices|email\\.footer");

	/** How much of a text a line must start with, or a wrapped line must hold. */
	private static final int PREFIX = 30;

	private static final Pattern SEPARATOR = Pattern.compile("^--\\s?$");

	private static final List<String> TEXTS = load();

	private OurText() {
	}

	/**
	 * Whether the line is (the start of, or a wrapped piece of the start of) our text.
	 */
	static boolean isOurs(String line) {
		if (SEPARATOR.matcher(line).matches()) {
			return true;
		}
		String comparable = AnswerMapper.comparable(line);
		if (comparable.isEmpty()) {
			return false;
		}
		for (String text : TEXTS) {
			String prefix = text.substring(0, Math.min(PREFIX, text.length()));
			if (comparable.startsWith(prefix)
					|| (comparable.length() >= Math.min(PREFIX, text.length()) && text.startsWith(comparable))) {
				return true;
			}
		}
		return false;
	}

	private static List<String> load() {
		List<String> texts = new ArrayList<>();
		for (String bundle : BUNDLES) {
			try (InputStream in = OurText.class.getResourceAsStream(bundle)) {
				if (in == null) {
					continue;
				}
				Properties properties = new Properties();
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				properties.stringPropertyNames()
					.stream()
					.filter((key) -> KEYS.matcher(key).matches())
					.forEach((key) -> {
						String value = properties.getProperty(key);
						int placeholder = value.indexOf('{');
						String fixed = AnswerMapper
							.comparable((placeholder < 0) ? value : value.substring(0, placeholder));
						if (fixed.length() >= 10) {
							texts.add(fixed);
						}
					});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return List.copyOf(texts);
	}

}
