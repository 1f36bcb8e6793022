package se.samla.email.internal.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every absence notice of the email corpus states the return day its expectation names
 * ({@code backOn}), read relative to the day it was written; classification is checked
 * with the rest of the corpus.
 */
class AbsenceNoticeCorpusTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@TestFactory
	Stream<DynamicTest> readsTheReturnDayEveryAbsenceNoticeStates() {
		return messages().entrySet()
			.stream()
			.filter((entry) -> entry.getValue().containsKey("backOn"))
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> check(entry.getKey(), entry.getValue())));
	}

	private static void check(String file, Map<String, Object> expected) throws Exception {
		MimeMessage message = read(file);
		LocalDate arrived = LocalDate.ofInstant(message.getSentDate().toInstant(), STOCKHOLM).plusDays(1);
		Optional<LocalDate> back = ReturnDate.stated(message, STOCKHOLM, arrived);
		Object day = expected.get("backOn");
		assertThat(back.map(LocalDate::toString).orElse(null)).as(file)
			.isEqualTo((day != null) ? day.toString() : null);
	}

	private static MimeMessage read(String file) throws IOException {
		return Mails.parse(Files.newInputStream(Corpus.DIRECTORY.resolve(file)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> messages() {
		return (Map<String, Map<String, Object>>) Corpus.expectations().get("messages");
	}

}
