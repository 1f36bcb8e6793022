package se.samla.email.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import se.samla.email.internal.intake.Corpus;
import se.samla.email.internal.reading.AnswerMapper;
import se.samla.email.internal.reading.AnswerMapper.Mapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every human reply of the email corpus read as the intake reads it (leniently when its
 * MIME is broken; body, quotes and signatures stripped, text mapped onto the five step-2
 * questions of the invitation, in the message's {@code language}, Swedish unless given):
 * the outcome and each answer must be what {@code expected.yml} says. A message's
 * optional {@code signer} (name, role, organisation) is passed as the intake passes the
 * person the directory knows, with the From header's name.
 */
class MailCorpusReadingTests {

	private static final Path CORPUS = Corpus.DIRECTORY;

	@TestFactory
	@SuppressWarnings("unchecked")
	Stream<DynamicTest> readsEveryHumanReplyAsExpected() throws Exception {
		Map<String, Object> expected = Corpus.expectations();
		CorpusReader reader = new CorpusReader();
		Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) expected.get("messages");
		List<DynamicTest> tests = new ArrayList<>();
		messages.forEach((file, expectation) -> {
			if (expectation.get("outcome") == null) {
				return;
			}
			tests.add(DynamicTest.dynamicTest(file, () -> {
				MimeMessage message = RawMail.parse(Files.readAllBytes(CORPUS.resolve(file)));
				Mapping mapping = reader.map(message, expectation);
				assertThat(mapping.outcome().name().toLowerCase(Locale.ROOT)).as(file + " outcome")
					.isEqualTo(expectation.get("outcome"));
				Map<Integer, String> answers = new LinkedHashMap<>();
				Map<Object, Object> expectedAnswers = (Map<Object, Object>) expectation.getOrDefault("answers",
						Map.of());
				expectedAnswers
					.forEach((number, text) -> answers.put(Integer.valueOf(number.toString()), text.toString()));
				if (!answers.isEmpty()) {
					assertThat(mapping.answers()).as(file + " answers").isEqualTo(answers);
				}
			}));
		});
		assertThat(tests).hasSizeGreaterThanOrEqualTo(15);
		return tests.stream();
	}

}
