package se.samla.email.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import se.samla.email.internal.intake.Classification.AutoReply;
import se.samla.email.internal.intake.Classification.Bounce;
import se.samla.email.internal.intake.Classification.Human;
import se.samla.email.internal.intake.Classification.ReadReceipt;
import se.samla.email.internal.intake.Classification.SystemMessage;
import se.samla.email.internal.intake.ReplyLink.Link;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every crafted message of the corpus through classification and linking and
 * compares with {@code expected.yml} and its {@code expected-*.yml} siblings. The answers
 * and outcomes in the same file are checked by the reply parser's tests.
 */
class MailCorpusClassificationTests {

	private static final Path CORPUS = Corpus.DIRECTORY;

	private static final Map<String, Object> EXPECTED = Corpus.expectations();

	@Test
	void everyMessageInTheCorpusHasAnExpectationAndTheCorpusIsLargeEnough() throws IOException {
		List<String> files;
		try (Stream<Path> paths = Files.list(CORPUS)) {
			files = paths.map((path) -> path.getFileName().toString()).filter((name) -> name.endsWith(".eml")).toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(30);
		assertThat(messages().keySet()).containsExactlyInAnyOrderElementsOf(files);
	}

	@Test
	void everyHumanReplyToAnInvitationHasAnOutcomeAndAnswersFitIt() {
		messages().forEach((file, expected) -> {
			if (!"human".equals(expected.get("classification")) || expected.get("token") == null) {
				return;
			}
			assertThat(expected).as(file).containsKeys("outcome", "answers");
			@SuppressWarnings("unchecked")
			Map<Integer, Object> answers = (Map<Integer, Object>) expected.get("answers");
			int questions = ((Number) expected.getOrDefault("questions", 5)).intValue();
			switch ((String) expected.get("outcome")) {
				case "complete" -> assertThat(answers).as(file)
					.containsOnlyKeys(IntStream.rangeClosed(1, questions).boxed().toArray(Integer[]::new));
				case "partial" -> assertThat(answers).as(file).isNotEmpty().hasSizeLessThan(questions);
				case "ambiguous", "empty" -> assertThat(answers).as(file).isEmpty();
				default -> throw new AssertionError(file + ": unknown outcome");
			}
		});
	}

	@TestFactory
	Stream<DynamicTest> classifiesAndLinksEveryMessageAsExpected() {
		Addresses addresses = addresses();
		Function<String, Optional<String>> sent = sentMessageIds();
		return messages().entrySet()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(),
					() -> check(entry.getKey(), entry.getValue(), addresses, sent)));
	}

	private void check(String file, Map<String, Object> expected, Addresses addresses,
			Function<String, Optional<String>> sent) throws IOException {
		MimeMessage message = read(file);
		Classification classification = MailClassifier.classify(message, addresses);

		assertThat(kind(classification)).as(file + " classification").isEqualTo(expected.get("classification"));
		if (classification instanceof Bounce bounce) {
			assertThat(bounce.token()).as(file + " token").isEqualTo(expected.get("token"));
			if (expected.containsKey("status")) {
				assertThat(bounce.status()).as(file + " status").isEqualTo(expected.get("status"));
			}
			if (expected.containsKey("failedRecipients")) {
				assertThat(bounce.failedRecipients()).as(file + " failed recipients")
					.isEqualTo(expected.get("failedRecipients"));
			}
			if (expected.containsKey("originalMessageId")) {
				assertThat(bounce.originalMessageId()).as(file + " original Message-ID")
					.isEqualTo(expected.get("originalMessageId"));
			}
			return;
		}
		Optional<Link> link = ReplyLink.find(message, addresses, sent);
		assertThat(link.map(Link::token).orElse(null)).as(file + " token").isEqualTo(expected.get("token"));
		assertThat(link.map((l) -> via(l.via())).orElse(null)).as(file + " via").isEqualTo(expected.get("via"));
		if (link.isPresent() && classification instanceof Human) {
			String person = (String) people().get(link.get().token());
			boolean review = !ReplyLink.fromMatches(message, person);
			assertThat(review).as(file + " review").isEqualTo(Boolean.TRUE.equals(expected.get("review")));
		}
	}

	private static String kind(Classification classification) {
		if (classification instanceof Bounce bounce) {
			return bounce.permanent() ? "bounce-hard" : "bounce-soft";
		}
		if (classification instanceof AutoReply) {
			return "auto-reply";
		}
		if (classification instanceof ReadReceipt) {
			return "read-receipt";
		}
		if (classification instanceof SystemMessage) {
			return "system";
		}
		return "human";
	}

	private static String via(ReplyLink.Via via) {
		return via.name().toLowerCase().replace('_', '-');
	}

	private static MimeMessage read(String file) throws IOException {
		InputStream in = Files.newInputStream(CORPUS.resolve(file));
		return Mails.parse(in);
	}

	private static Addresses addresses() {
		Map<?, ?> addresses = (Map<?, ?>) EXPECTED.get("addresses");
		return new Addresses((String) addresses.get("replyLocalPart"), (String) addresses.get("bounceLocalPart"),
				(String) addresses.get("domain"));
	}

	private static Function<String, Optional<String>> sentMessageIds() {
		Map<?, ?> ids = (Map<?, ?>) EXPECTED.get("messageIds");
		return (id) -> Optional.ofNullable((String) ids.get(id));
	}

	private static Map<?, ?> people() {
		return (Map<?, ?>) EXPECTED.get("people");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> messages() {
		return (Map<String, Map<String, Object>>) EXPECTED.get("messages");
	}

}
