package se.samla.digests.internal;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import se.samla.digests.Digest;
import se.samla.digests.Digest.AnswerLine;
import se.samla.digests.Digest.OrganisationAnswers;
import se.samla.digests.Digest.QuestionSection;
import se.samla.digests.Digest.Rate;
import se.samla.digests.Digest.Rates;
import se.samla.digests.Digest.RawRow;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestTexts;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long writing a digest's XLSX workbook (and CSV) takes at 10,000, 100,000 and
 * 1,000,000 answers, how much heap it takes beyond the digest itself, and how large the
 * file is. The answers are in the question sheets and again in the raw-data sheet, as in
 * a real digest (persons view: the widest). A benchmark, not a timed test: it prints its
 * figures. Run with
 * {@code ./mvnw -q -o test -Pbenchmark -Dtest=XlsxDigestBenchmark -DargLine=-Xmx512m};
 * see {@code BENCHMARKS.md}.
 */
@EnabledIfSystemProperty(named = "samla.benchmark", matches = "true")
class XlsxDigestBenchmark {

	private static final int QUESTIONS = 10;

	private static final int ORGANISATIONS = 50;

	private static final DigestTexts TEXTS = SampleDigests.texts(Language.SV);

	@TempDir
	Path folder;

	@Test
	void writeTenThousandToAMillionAnswers() throws IOException {
		Digest warmUp = digest(10_000);
		for (int run = 0; run < 3; run++) {
			xlsx(warmUp, false);
			csv(warmUp);
		}
		for (int answers : new int[] { 10_000, 100_000, 1_000_000 }) {
			Digest digest = digest(answers);
			int runs = (answers < 1_000_000) ? 3 : 1;
			for (boolean compress : new boolean[] { false, true }) {
				long best = Long.MAX_VALUE;
				Measured measured = null;
				for (int run = 0; run < runs; run++) {
					measured = xlsx(digest, compress);
					best = Math.min(best, measured.nanos());
				}
				System.out.printf(
						"XLSX BENCHMARK: %,d answers, temp files %s: best of %d %,d ms, peak heap %,d MB "
								+ "(digest %,d MB), file %,d kB (max heap %,d MB, %d cores)%n",
						answers, compress ? "gzipped" : "plain", runs, best / 1_000_000, measured.peakMb(),
						measured.digestMb(), measured.bytes() / 1024, Runtime.getRuntime().maxMemory() >> 20,
						Runtime.getRuntime().availableProcessors());
				assertThat(measured.bytes()).isPositive();
			}
			Measured csv = csv(digest);
			System.out.printf("CSV BENCHMARK: %,d answers: %,d ms, peak heap %,d MB, file %,d kB%n", answers,
					csv.nanos() / 1_000_000, csv.peakMb(), csv.bytes() / 1024);
		}
	}

	private Measured xlsx(Digest digest, boolean compress) throws IOException {
		Path file = this.folder.resolve("digest.xlsx");
		long digestMb = settle();
		long start = System.nanoTime();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			XlsxDigest.write(digest, TEXTS, out, 1_048_576, compress);
		}
		long nanos = System.nanoTime() - start;
		return new Measured(nanos, peakMb(), digestMb, Files.size(file));
	}

	private Measured csv(Digest digest) throws IOException {
		Path file = this.folder.resolve("digest.csv");
		long digestMb = settle();
		long start = System.nanoTime();
		try (Writer out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
			CsvDigest.write(digest, TEXTS, out);
		}
		long nanos = System.nanoTime() - start;
		return new Measured(nanos, peakMb(), digestMb, Files.size(file));
	}

	/**
	 * Collects garbage, resets the heap's peaks and tells the heap in use (the digest).
	 */
	private static long settle() {
		System.gc();
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
				used += pool.getUsage().getUsed();
			}
		}
		return used >> 20;
	}

	private static long peakMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak >> 20;
	}

	/** People in 50 organisations answering 10 questions each in free text. */
	static Digest digest(int answers) {
		int people = answers / QUESTIONS;
		List<QuestionSection> questions = new ArrayList<>();
		List<RawRow> raw = new ArrayList<>(answers);
		for (int q = 1; q <= QUESTIONS; q++) {
			String question = "Fråga " + q + ": hur ser behovet av kompetens ut inom er verksamhet de närmaste åren?";
			List<OrganisationAnswers> organisations = new ArrayList<>();
			for (int o = 0; o < ORGANISATIONS; o++) {
				String organisation = "Organisation " + o;
				List<AnswerLine> lines = new ArrayList<>();
				for (int p = o; p < people; p += ORGANISATIONS) {
					String person = "Person " + p;
					String text = "Svar " + p + " på fråga " + q
							+ ": vi behöver fler sjuksköterskor och undersköterskor, och rekryteringen tar tid.";
					lines.add(new AnswerLine(person, null, text, List.of()));
					raw.add(new RawRow(organisation, person, q, "q" + q, question, null, text, "Teams", true));
				}
				organisations.add(new OrganisationAnswers(organisation, lines));
			}
			questions.add(new QuestionSection("q" + q, q, question, organisations));
		}
		return new Digest(new SendOutId("benchmark"), "Benchmark", "Benchmark", Instant.parse("2026-12-07T07:00:00Z"),
				Instant.parse("2026-12-18T22:59:00Z"), true, View.PERSONS,
				new Rates(new Rate(people, people), List.of(), List.of()), List.of(), List.of(), questions, List.of(),
				List.of(), null, List.of(), null, raw);
	}

	private record Measured(long nanos, long peakMb, long digestMb, long bytes) {
	}

}
