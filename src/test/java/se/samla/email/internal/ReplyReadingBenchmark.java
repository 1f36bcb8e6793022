package se.samla.email.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import se.samla.email.internal.intake.Addresses;
import se.samla.email.internal.intake.Classification;
import se.samla.email.internal.intake.Classification.AutoReply;
import se.samla.email.internal.intake.Classification.Bounce;
import se.samla.email.internal.intake.Classification.ReadReceipt;
import se.samla.email.internal.intake.Classification.SystemMessage;
import se.samla.email.internal.intake.Corpus;
import se.samla.email.internal.intake.MailClassifier;
import se.samla.email.internal.intake.ReplyLink;
import se.samla.email.internal.reading.AnswerMapper;
import se.samla.email.internal.reading.AnswerMapper.Mapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the whole email corpus as the intake does (raw bytes parsed, classified, linked
 * to an invitation, body extracted, quotes and signature stripped, text mapped onto the
 * step-2 questions) and prints, for {@code BENCHMARKS.md}: the share of human replies
 * whose answers come out exactly as expected, the share of bounces, auto-replies and
 * absence notices classified as expected, the messages that miss, and the reading speed
 * over several passes after a warm-up. Asserts nothing about either: the corpus holds
 * messages the parser does not read yet on purpose.
 * <p>
 * {@code ./mvnw -q -o test -Pbenchmark -Dtest=ReplyReadingBenchmark}
 * ({@code -Dsamla.bench.reading.passes=N}, {@code -Dsamla.bench.reading.warmup=N}).
 */
class ReplyReadingBenchmark {

	private static final int WARMUP = Integer.getInteger("samla.bench.reading.warmup", 10);

	private static final int PASSES = Integer.getInteger("samla.bench.reading.passes", 30);

	@Test
	@SuppressWarnings("unchecked")
	void readsTheCorpus() throws Exception {
		Map<String, Object> expectations = Corpus.expectations();
		Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) expectations.get("messages");
		Map<?, ?> configured = (Map<?, ?>) expectations.get("addresses");
		Addresses addresses = new Addresses((String) configured.get("replyLocalPart"),
				(String) configured.get("bounceLocalPart"), (String) configured.get("domain"));
		Map<?, ?> ids = (Map<?, ?>) expectations.get("messageIds");
		Function<String, Optional<String>> sent = (id) -> Optional.ofNullable((String) ids.get(id));
		CorpusReader reader = new CorpusReader();

		List<Entry> corpus = new ArrayList<>();
		long bytes = 0;
		try (Stream<Path> files = Files.list(Corpus.DIRECTORY)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".eml")).sorted().toList()) {
				byte[] raw = Files.readAllBytes(file);
				bytes += raw.length;
				String name = file.getFileName().toString();
				corpus.add(new Entry(name, raw, messages.get(name)));
			}
		}

		Map<String, String> misses = new TreeMap<>();
		Map<String, int[]> byKind = new TreeMap<>();
		Map<String, int[]> byClient = new TreeMap<>();
		int humans = 0;
		int exact = 0;
		int system = 0;
		int systemRight = 0;
		for (Entry entry : corpus) {
			Read read = read(entry, addresses, sent, reader);
			Map<String, Object> expected = entry.expected();
			if (expected == null) {
				misses.put(entry.name(), "no expectation");
				continue;
			}
			if (expected.get("outcome") != null) {
				humans++;
				String miss = humanMiss(expected, read);
				int[] client = byClient.computeIfAbsent(String.valueOf(expected.getOrDefault("client", "other")),
						(key) -> new int[2]);
				client[1]++;
				if (miss == null) {
					exact++;
					client[0]++;
				}
				else {
					misses.put(entry.name(), miss);
				}
			}
			else if (!"human".equals(expected.get("classification"))) {
				system++;
				int[] kind = byKind.computeIfAbsent((String) expected.get("classification"), (key) -> new int[2]);
				kind[1]++;
				if (expected.get("classification").equals(read.kind())) {
					systemRight++;
					kind[0]++;
				}
				else {
					misses.put(entry.name(), "classified " + read.kind());
				}
			}
		}

		for (int pass = 0; pass < WARMUP; pass++) {
			for (Entry entry : corpus) {
				read(entry, addresses, sent, reader);
			}
		}
		long[] nanos = new long[PASSES];
		for (int pass = 0; pass < PASSES; pass++) {
			long start = System.nanoTime();
			for (Entry entry : corpus) {
				read(entry, addresses, sent, reader);
			}
			nanos[pass] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		double median = nanos[PASSES / 2] / 1e9;
		double total = Arrays.stream(nanos).sum() / 1e9;
		long[] parsing = new long[PASSES];
		for (int pass = 0; pass < PASSES; pass++) {
			long start = System.nanoTime();
			for (Entry entry : corpus) {
				RawMail.parse(entry.raw()).getContentType();
			}
			parsing[pass] = System.nanoTime() - start;
		}
		Arrays.sort(parsing);

		System.out.printf(Locale.ROOT, "REPLY READING: %d messages, %.2f MB in the corpus%n", corpus.size(),
				bytes / 1e6);
		System.out.printf(Locale.ROOT, "REPLY READING: human replies extracted exactly: %d of %d (%.1f %%)%n", exact,
				humans, 100.0 * exact / humans);
		System.out.printf(Locale.ROOT,
				"REPLY READING: bounces, auto-replies, absence notices and other system mail classified as expected: "
						+ "%d of %d (%.1f %%)%n",
				systemRight, system, (system == 0) ? 100.0 : 100.0 * systemRight / system);
		System.out.printf(Locale.ROOT,
				"REPLY READING: %d passes after %d warm-up passes; median pass %.1f ms: %.0f messages/s, %.2f MB/s "
						+ "(all passes: %.0f messages/s)%n",
				PASSES, WARMUP, median * 1000, corpus.size() / median, bytes / 1e6 / median,
				corpus.size() * PASSES / total);
		System.out.printf(Locale.ROOT, "REPLY READING: of which parsing the raw bytes alone: median pass %.1f ms%n",
				parsing[PASSES / 2] / 1e6);
		System.out.println("REPLY READING: system mail by kind: " + tally(byKind));
		System.out.println("REPLY READING: human replies exact by client: " + tally(byClient));
		misses.forEach((file, why) -> System.out.println("REPLY READING: miss " + file + ": " + why));
		assertThat(corpus).isNotEmpty();
	}

	private static String tally(Map<String, int[]> counts) {
		StringBuilder out = new StringBuilder();
		counts.forEach((key, count) -> out.append((out.length() > 0) ? ", " : "")
			.append(key)
			.append(' ')
			.append(count[0])
			.append('/')
			.append(count[1]));
		return out.toString();
	}

	private record Entry(String name, byte[] raw, Map<String, Object> expected) {
	}

	/** What the intake made of a message; the mapping only for a linked human reply. */
	private record Read(String kind, String token, Mapping mapping, String failure) {
	}

	private static Read read(Entry entry, Addresses addresses, Function<String, Optional<String>> sent,
			CorpusReader reader) {
		try {
			MimeMessage message = RawMail.parse(entry.raw());
			Classification classification = MailClassifier.classify(message, addresses);
			String kind = kind(classification);
			if (!"human".equals(kind)) {
				return new Read(kind, null, null, null);
			}
			Optional<ReplyLink.Link> link = ReplyLink.find(message, addresses, sent);
			Mapping mapping = reader.map(message, entry.expected());
			return new Read(kind, link.map(ReplyLink.Link::token).orElse(null), mapping, null);
		}
		catch (Exception ex) {
			return new Read("error", null, null, ex.getClass().getSimpleName());
		}
	}

	/** Why a human reply did not come out as expected, or null when it did. */
	@SuppressWarnings("unchecked")
	private static String humanMiss(Map<String, Object> expected, Read read) {
		if (read.failure() != null) {
			return "failed: " + read.failure();
		}
		if (!"human".equals(read.kind())) {
			return "classified " + read.kind();
		}
		if (read.token() == null || !read.token().equals(expected.get("token"))) {
			return "linked to " + read.token();
		}
		String outcome = read.mapping().outcome().name().toLowerCase(Locale.ROOT);
		if (!outcome.equals(expected.get("outcome"))) {
			return "outcome " + outcome + ", expected " + expected.get("outcome") + " " + read.mapping().notes();
		}
		Map<Integer, String> answers = new LinkedHashMap<>();
		((Map<Object, Object>) expected.getOrDefault("answers", Map.of()))
			.forEach((number, text) -> answers.put(Integer.valueOf(number.toString()), text.toString()));
		List<Integer> wrong = answers.keySet()
			.stream()
			.filter((number) -> !answers.get(number).equals(read.mapping().answers().get(number)))
			.toList();
		if (!wrong.isEmpty() || !answers.keySet().equals(read.mapping().answers().keySet())) {
			return "answers differ: " + (wrong.isEmpty() ? read.mapping().answers().keySet() : wrong);
		}
		return null;
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

}
