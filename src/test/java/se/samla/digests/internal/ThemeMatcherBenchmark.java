package se.samla.digests.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long tagging takes for a digest of 100,000 answers, about 70 % of them free text of
 * 50–300 characters built from what chiefs write in step 2 (and the rest blank, as choice
 * answers have no text to tag). Measures {@link ThemeMatcher#hits(String)} per answer and
 * {@link ThemeMatcher#summarise(List, int)} over all of them. A benchmark, not a timed
 * test: it prints its figures. Run with
 * {@code ./mvnw -o -Pbenchmark test -Dtest=ThemeMatcherBenchmark}; see
 * {@code BENCHMARKS.md}.
 */
@EnabledIfSystemProperty(named = "samla.benchmark", matches = "true")
class ThemeMatcherBenchmark {

	static final int ANSWERS = 100_000;

	static final int WARM_UP_RUNS = 5;

	static final int MEASURED_RUNS = 15;

	static final String[] SENTENCES = { "Vi behöver stärka språkkompetensen hos våra medarbetare.",
			"Många av våra undersköterskor har svenska som andraspråk.", "Vi har utbildat språkombud på flera enheter.",
			"Språket är ett hinder i dokumentationen.",
			"Vi behöver öka attraktivitet och status för yrken och branschen.",
			"Det är svårt att rekrytera sjuksköterskor och enhetschefer.",
			"Vi vill vända konkurrens till att attrahera tillsammans.",
			"Flexibla arbetstider och heltid som norm är viktiga villkorsfrågor.",
			"Lönestrukturen för sjuksköterskor behöver ses över.",
			"Vi vill ha en utökad dialog kring utbildning med utbildningsaktörerna.",
			"Vi tar emot studenter på VFU och behöver fler handledare.",
			"Vård- och omsorgscollege är en viktig samverkanspart.",
			"Vi inför välfärdsteknik som digital nattillsyn och läkemedelsrobotar.",
			"Vi behöver nyttja tekniken bättre i hemtjänsten.",
			"Vi behöver rusta chefer och ge dem bättre förutsättningar.",
			"Insatser för chefer, till exempel ledarskapsutbildning, efterfrågas.",
			"Cheferna har för många medarbetare per person.",
			"Ökat fokus på att behålla och utveckla befintlig personal.",
			"Vi erbjuder kompetensutveckling och tydliga karriärvägar.",
			"Vi behöver differentiera arbetsuppgifter mellan yrkesgrupperna.",
			"Undersköterskor utför arbetsuppgifter som andra kunde göra.",
			"Validering av vårdbiträden till undersköterskor pågår.", "Vi vill ha samverkan mellan kommun och region.",
			"Gemensamma anställningar och hospitering vore värdefullt.",
			"Bristen på distriktssköterskor märks tydligt i hela kommunen.",
			"Sjuksköterskor är det största problemet de kommande åren.", "Läget är sårbart för skötare.",
			"Vi följer upp resultatet i ledningsgruppen under hösten.", "Inga synpunkter just nu.",
			"Det är en stor pensionsavgång de närmaste åren.",
			"Vi ser ett ökat behov av vård och omsorg när befolkningen blir äldre.",
			"Svårt att få vikarier till sommaren, särskilt på landsbygden." };

	@Test
	void tagsOneHundredThousandAnswers() {
		ThemeMatcher matcher = ThemeMatcher.load(Path.of("conversations/themes.yml"));
		List<String> answers = answers(new Random(2026));
		List<String> freeText = answers.stream().filter((answer) -> !answer.isEmpty()).toList();
		long[] hitsNanos = new long[MEASURED_RUNS];
		long[] summaryNanos = new long[MEASURED_RUNS];
		int tagged = 0;
		List<ThemeMatcher.Summary> summaries = List.of();
		for (int run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run++) {
			long start = System.nanoTime();
			tagged = 0;
			for (String answer : freeText) {
				if (!matcher.hits(answer).isEmpty()) {
					tagged++;
				}
			}
			long hitsTime = System.nanoTime() - start;
			start = System.nanoTime();
			summaries = matcher.summarise(answers, 3);
			long summaryTime = System.nanoTime() - start;
			if (run >= WARM_UP_RUNS) {
				hitsNanos[run - WARM_UP_RUNS] = hitsTime;
				summaryNanos[run - WARM_UP_RUNS] = summaryTime;
			}
		}
		Arrays.sort(hitsNanos);
		Arrays.sort(summaryNanos);
		long hitsMedian = hitsNanos[MEASURED_RUNS / 2];
		System.out.printf(
				"THEME MATCHER BENCHMARK: %,d answers, %,d free text (average %d characters), %,d tagged; "
						+ "hits(): median %.2f µs per answer (%.0f ms for all, max run %.0f ms); "
						+ "summarise(all, 3 quotes): median %.0f ms, max %.0f ms (%d cores)%n",
				answers.size(), freeText.size(), freeText.stream().mapToInt(String::length).sum() / freeText.size(),
				tagged, hitsMedian / 1000.0 / freeText.size(), hitsMedian / 1e6, hitsNanos[MEASURED_RUNS - 1] / 1e6,
				summaryNanos[MEASURED_RUNS / 2] / 1e6, summaryNanos[MEASURED_RUNS - 1] / 1e6,
				Runtime.getRuntime().availableProcessors());
		summaries.forEach((summary) -> System.out.printf("  %-45s %,7d answers  e.g. %s%n", summary.area(),
				summary.answers(), summary.quotes().isEmpty() ? "-" : summary.quotes().get(0).text()));
		assertThat(tagged).isPositive();
	}

	/** About 70 % free text of 50–300 characters, the rest blank. */
	static List<String> answers(Random random) {
		List<String> answers = new ArrayList<>(ANSWERS);
		for (int i = 0; i < ANSWERS; i++) {
			if (random.nextInt(10) >= 7) {
				answers.add("");
				continue;
			}
			int length = 50 + random.nextInt(251);
			StringBuilder answer = new StringBuilder();
			while (answer.length() < length) {
				if (answer.length() > 0) {
					answer.append(' ');
				}
				answer.append(SENTENCES[random.nextInt(SENTENCES.length)]);
			}
			answers.add(answer.toString());
		}
		return answers;
	}

}
