package se.samla.digests.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.samla.digests.Digest;
import se.samla.digests.Digest.View;
import se.samla.directory.Organisation;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What masking costs the views without persons: building the {@link FreeTextMask} for a
 * directory of 5,000 people, masking 1,000,000 answers of step-2 sentences (one in ten
 * signed with a name, an address and a phone number), and compiling 100,000 answers in
 * the organisations view (masked) beside the persons view (not masked), on the inputs of
 * {@link DigestBenchmark}. A benchmark, not a timed test: it prints its figures. Run with
 * {@code ./mvnw -o -Pbenchmark test -Dtest=FreeTextMaskBenchmark -DargLine=-Xmx512m}. See
 * {@code BENCHMARKS.md}.
 */
@EnabledIfSystemProperty(named = "samla.benchmark", matches = "true")
class FreeTextMaskBenchmark {

	static final int PEOPLE = 5_000;

	static final int TEXTS = 1_000_000;

	@Test
	void maskAMillionAnswersAndCompileTheOrganisationsView() {
		Random random = new Random(7);
		List<String> names = new ArrayList<>();
		for (int p = 0; p < PEOPLE; p++) {
			// surnames made unique, as a directory's thousands mostly are
			names.add(DigestBenchmark.FIRST_NAMES[random.nextInt(DigestBenchmark.FIRST_NAMES.length)] + " "
					+ DigestBenchmark.LAST_NAMES[random.nextInt(DigestBenchmark.LAST_NAMES.length)]
					+ ((p % 3 == 0) ? "" : "-" + syllables(p)));
		}
		List<String> places = DigestBenchmark.organisations().stream().map(Organisation::name).toList();
		long[] builds = new long[5];
		long[] buildsCpu = new long[5];
		FreeTextMask mask = null;
		for (int run = 0; run < builds.length; run++) {
			long cpu = cpu();
			long start = System.nanoTime();
			mask = FreeTextMask.of(names, places, List.of("Socialchef", "HR-chef", "Enhetschef"));
			builds[run] = System.nanoTime() - start;
			buildsCpu[run] = cpu() - cpu;
		}
		Arrays.sort(builds);
		Arrays.sort(buildsCpu);
		System.out.printf(
				"MASK BENCHMARK: build for %,d people and %,d organisations: %.1f ms, CPU %.1f ms (medians of %d)%n",
				PEOPLE, places.size(), builds[builds.length / 2] / 1e6, buildsCpu[buildsCpu.length / 2] / 1e6,
				builds.length);

		List<String> texts = new ArrayList<>(TEXTS);
		long characters = 0;
		for (int t = 0; t < TEXTS; t++) {
			String text = DigestBenchmark.text(random);
			if (t % 10 == 0) {
				String name = names.get(random.nextInt(names.size()));
				text += "\n\nHälsningar\n" + name + "\nSocialchef, " + places.get(random.nextInt(places.size()))
						+ "\nperson" + t + "@kommun.example.se, 070-" + (100 + random.nextInt(900)) + " 45 67";
			}
			characters += text.length();
			texts.add(text);
		}
		for (int warmUp = 0; warmUp < 2; warmUp++) {
			maskAll(mask, texts.subList(0, 100_000));
		}
		long[] runs = new long[3];
		long[] runsCpu = new long[3];
		int masked = 0;
		for (int run = 0; run < runs.length; run++) {
			long cpu = cpu();
			long start = System.nanoTime();
			masked = maskAll(mask, texts);
			runs[run] = System.nanoTime() - start;
			runsCpu[run] = cpu() - cpu;
		}
		Arrays.sort(runs);
		Arrays.sort(runsCpu);
		long median = runs[runs.length / 2];
		System.out.printf(
				"MASK BENCHMARK: %,d texts (%,d characters, %,d changed): %,d ms, %.2f µs per text, CPU %.2f µs per text (medians of %d)%n",
				TEXTS, characters, masked, median / 1_000_000, median / 1e3 / TEXTS,
				runsCpu[runs.length / 2] / 1e3 / TEXTS, runs.length);
		assertThat(masked).isGreaterThanOrEqualTo(TEXTS / 10);
		texts = null;

		Questionnaire stepTwo = new QuestionnaireValidator().load(Path.of("conversations"))
			.stream()
			.filter(questionnaire -> questionnaire.id().value().equals("steg2"))
			.findFirst()
			.orElseThrow();
		ThemeMatcher themes = ThemeMatcher.load(Path.of("conversations/themes.yml"));
		DigestSource persons = DigestBenchmark.stepTwoSource(stepTwo, DigestBenchmark.organisations(), themes, 100_000,
				new Random(100_000));
		DigestSource organisations = new DigestSource(persons.sendOut(), persons.questionnaire(), persons.recipients(),
				persons.responses(), persons.organisations(), persons.people(), persons.unreachable(),
				persons.reasons(), persons.answerChannels(), persons.previous(), persons.previousResponses(),
				persons.activities(), persons.networks(), persons.themes(), View.ORGANISATIONS, persons.language(),
				persons.now());
		long[] directoryBuilds = new long[5];
		for (int run = 0; run < directoryBuilds.length; run++) {
			long start = System.nanoTime();
			FreeTextMask.of(persons.people().values(), persons.organisations());
			directoryBuilds[run] = System.nanoTime() - start;
		}
		Arrays.sort(directoryBuilds);
		System.out.printf("MASK BENCHMARK: build for the compile's %,d people: %.1f ms (median of %d)%n",
				persons.people().size(), directoryBuilds[2] / 1e6, directoryBuilds.length);
		for (int warmUp = 0; warmUp < 2; warmUp++) {
			DigestCompiler.compile(persons);
			DigestCompiler.compile(organisations);
		}
		long[] personsRuns = new long[5];
		long[] organisationsRuns = new long[5];
		long[] personsCpu = new long[5];
		long[] organisationsCpu = new long[5];
		for (int run = 0; run < personsRuns.length; run++) {
			long cpu = cpu();
			personsRuns[run] = compileTime(persons);
			personsCpu[run] = cpu() - cpu;
			cpu = cpu();
			organisationsRuns[run] = compileTime(organisations);
			organisationsCpu[run] = cpu() - cpu;
		}
		Arrays.sort(personsRuns);
		Arrays.sort(organisationsRuns);
		Arrays.sort(personsCpu);
		Arrays.sort(organisationsCpu);
		System.out.printf(
				"MASK BENCHMARK: compile 100,000 answers (%,d people): persons view %,d ms (CPU %,d ms), organisations view (masked) %,d ms (CPU %,d ms) (medians of %d, interleaved)%n",
				persons.people().size(), personsRuns[2] / 1_000_000, personsCpu[2] / 1_000_000,
				organisationsRuns[2] / 1_000_000, organisationsCpu[2] / 1_000_000, personsRuns.length);
	}

	/** The thread's CPU time so far, less sensitive than the clock to a busy machine. */
	private static long cpu() {
		return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	private static int maskAll(FreeTextMask mask, List<String> texts) {
		int changed = 0;
		for (String text : texts) {
			if (mask.mask(text) != text) {
				changed++;
			}
		}
		return changed;
	}

	private static long compileTime(DigestSource source) {
		System.gc();
		long start = System.nanoTime();
		Digest digest = DigestCompiler.compile(source);
		long time = System.nanoTime() - start;
		assertThat(digest.raw()).hasSize(100_000);
		return time;
	}

	/** A made-up surname part, different for every number. */
	private static String syllables(int number) {
		String[] parts = { "berg", "lund", "ström", "qvist", "gren", "holm", "dahl", "sjö", "mark", "by" };
		StringBuilder name = new StringBuilder("Ny");
		do {
			name.append(parts[number % parts.length]);
			number /= parts.length;
		}
		while (number > 0);
		return name.toString();
	}

}
