package se.samla.digests.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.samla.answers.ResponseId;
import se.samla.answers.ResponseState;
import se.samla.answers.ResponseStatus;
import se.samla.answers.Step;
import se.samla.answers.StepKey;
import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.digests.Chart;
import se.samla.digests.Digest;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestProperties;
import se.samla.digests.DigestTexts;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.OrganisationKind;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PreferredChannel;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Option;
import se.samla.surveys.Question;
import se.samla.surveys.QuestionType;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a digest takes from what was read to what is sent: compiled
 * ({@link DigestCompiler}), its charts drawn ({@link DigestCharts}, timed with the email,
 * which shows them), rendered to the email's bounded HTML and text bodies (the default
 * {@code samla.digests.email.*}, as the email path does) and to XLSX with its Diagram
 * sheet ({@link XlsxDigest#write}, to a discarding stream), at 10,000, 100,000 and
 * 1,000,000 answers, how much heap that takes and how big the email is as sent (bodies,
 * charts and workbook as base64 parts); beside it (not in the total), the whole HTML
 * streamed to a discarding writer, as the operator's file is written. The inputs are
 * synthetic but shaped like the real thing: the real step-2 questionnaire and theme file,
 * people in 300 organisations, five submitted free-text answers of 50–300 characters per
 * response (sentences chiefs write in step 2), the persons view (the widest); beside it,
 * a step-1 digest of the same organisations (colour matrix, analysis) of a fixed size. A
 * benchmark, not a timed test: it prints its figures. Run with
 * {@code ./mvnw -o -Pbenchmark test -Dtest=DigestBenchmark -DargLine=-Xmx512m}: that the
 * run completes shows that 100,000 answers fit in 512 MB of heap. 1,000,000 answers take
 * about a minute on two cores and are opt-in:
 * {@code -Dsamla.benchmark.answers=10000,100000,1000000 -DargLine=-Xmx1g} shows that they
 * fit in 1 GB. See {@code BENCHMARKS.md}.
 */
@EnabledIfSystemProperty(named = "samla.benchmark", matches = "true")
class DigestBenchmark {

	static final int ORGANISATIONS = 300;

	/** The step-1 digest: respondents per organisation. */
	static final int STEP_ONE_PER_ORGANISATION = 2;

	static final long GOAL_NANOS = 3_000_000_000L;

	static final long GOAL_HEAP = 512L << 20;

	/** The heap 1,000,000 answers should fit in. */
	static final long MILLION_HEAP = 1L << 30;

	/** The email's bounds as the application has them by default. */
	static final BodyLimits EMAIL = BodyLimits.of(new DigestProperties(null, null).email());

	static final Instant OPENS = Instant.parse("2026-12-01T07:00:00Z");

	static final Instant DEADLINE = Instant.parse("2026-12-18T16:00:00Z");

	static final Instant NOW = Instant.parse("2026-12-14T07:00:00Z");

	static final DigestTexts TEXTS = SampleDigests.texts(Language.SV);

	static final String[] FIRST_NAMES = { "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid",
			"Malin", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael", "Jan", "Hans", "Åsa", "Örjan",
			"Göran", "Linnéa" };

	static final String[] LAST_NAMES = { "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
			"Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindqvist", "Lind", "Berg",
			"Åberg", "Ström", "Sjöberg", "Holm", "Ek" };

	static final String[] PLACES = { "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå",
			"Lekeberg", "Lindesberg", "Ljusnarsberg", "Nora", "Örebro", "Enköping", "Skåne", "Västerås", "Arboga",
			"Köping", "Eskilstuna", "Katrineholm", "Nyköping", "Motala", "Mjölby", "Linköping", "Norrköping",
			"Finspång", "Karlstad", "Kristinehamn", "Filipstad", "Säffle", "Arvika" };

	/**
	 * What chiefs write in step 2 (the strategic choices, collaboration wishes and
	 * development areas of DOMAIN.md), with some text an HTML page must escape.
	 */
	static final String[] SENTENCES = { "Vi behöver stärka språkkompetensen hos våra medarbetare.",
			"Många av våra undersköterskor har svenska som andraspråk.", "Vi har utbildat språkombud på flera enheter.",
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
			"Ökat fokus på att behålla och utveckla befintlig personal.",
			"Vi erbjuder kompetensutveckling och tydliga karriärvägar.",
			"Vi behöver differentiera arbetsuppgifter mellan yrkesgrupperna.",
			"Validering av vårdbiträden till undersköterskor pågår.", "Vi vill ha samverkan mellan kommun och region.",
			"Gemensamma anställningar och hospitering vore värdefullt.",
			"Bristen på distriktssköterskor märks tydligt i hela kommunen.",
			"Rekrytera och behålla sjuksköterskor är vårt strategiska vägval.", "Läget är sårbart för skötare.",
			"Distriktsläkare hyrs in i stor utsträckning.", "Vi följer upp resultatet i ledningsgruppen under hösten.",
			"Det är en stor pensionsavgång de närmaste åren.",
			"Vi ser ett ökat behov av vård & omsorg när befolkningen blir äldre.",
			"Svårt att få vikarier till sommaren, särskilt på landsbygden.",
			"Andelen timanställda ska vara <10 % år 2027.", "Lyft frågan i HR-chefsnätverket och Socialchefsnätverket.",
			"Inga synpunkter just nu." };

	@Test
	void compileAndRenderTenThousandToAMillionAnswers() throws IOException {
		Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();
		new QuestionnaireValidator().load(Path.of("conversations"))
			.forEach(questionnaire -> questionnaires.put(questionnaire.id().value(), questionnaire));
		ThemeMatcher themes = ThemeMatcher.load(Path.of("conversations/themes.yml"));
		Questionnaire stepTwo = questionnaires.get("steg2");
		Questionnaire stepOne = questionnaires.get("steg1");
		List<Organisation> organisations = organisations();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("DIGEST BENCHMARK: max heap %,d MB, %d cores, %s %s%n", runtime.maxMemory() >> 20,
				runtime.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
		System.out.printf("%12s %10s %10s %10s %10s %10s %10s %12s %12s %10s %12s %10s %12s %12s%n", "answers",
				"compile", "email", "XLSX", "total", "CPU", "GC", "ms/1,000", "peak used", "peak live", "email HTML",
				"XLSX", "HTML file", "file time");

		DigestSource warmUp = stepTwoSource(stepTwo, organisations, themes, 10_000, new Random(1));
		for (int run = 0; run < 3; run++) {
			measure(warmUp);
		}
		warmUp = null;

		DigestSource stepOneSource = stepOneSource(stepOne, organisations, themes, new Random(3));
		measure(stepOneSource);
		Measured stepOneRun = measure(stepOneSource);
		stepOneSource = null;
		print(String.format("steg1 %,d", stepOneRun.answers()), List.of(stepOneRun));

		Measured goal = null;
		for (int answers : sizes(runtime.maxMemory())) {
			DigestSource source = stepTwoSource(stepTwo, organisations, themes, answers, new Random(answers));
			long inputMb = settle() >> 20;
			measure(stepTwoSource(stepTwo, organisations, themes, 10_000, new Random(2)));
			int runs = (answers < 1_000_000) ? 3 : 1;
			List<Measured> measured = new ArrayList<>();
			for (int run = 0; run < runs; run++) {
				measured.add(measure(source));
			}
			source = null;
			Measured median = print(String.format("%,d", answers), measured);
			System.out.printf("%12s inputs %,d MB on the heap after GC (included in the peaks)%n", "", inputMb);
			if (answers == 100_000) {
				goal = median;
			}
		}
		if (goal != null) {
			boolean fast = goal.total() < GOAL_NANOS;
			boolean small = runtime.maxMemory() <= GOAL_HEAP;
			System.out.printf(
					"GOAL 100,000 answers compiled + email + XLSX in < 3 s with <= 512 MB heap: %s "
							+ "(median total %,d ms: %s; max heap %,d MB: %s)%n",
					(fast && small) ? "MET" : "NOT MET", goal.total() / 1_000_000, fast ? "under 3 s" : "over 3 s",
					runtime.maxMemory() >> 20, small ? "the run fitted in it" : "run with -DargLine=-Xmx512m to prove");
		}
	}

	/**
	 * The sizes asked for with {@code -Dsamla.benchmark.answers}; else 10,000 and 100,000
	 * (1,000,000 take a minute of a shared machine's two cores).
	 */
	private static List<Integer> sizes(long maxHeap) {
		String sizes = System.getProperty("samla.benchmark.answers");
		if (sizes != null) {
			List<Integer> asked = Arrays.stream(sizes.split(",")).map(String::strip).map(Integer::valueOf).toList();
			if (asked.contains(1_000_000)) {
				System.out.printf("%12s with %,d MB of heap: %s%n", "1,000,000", maxHeap >> 20,
						(maxHeap <= MILLION_HEAP) ? "the run completing shows that they fit in 1 GB"
								: "run with -DargLine=-Xmx1g to prove that they fit in 1 GB");
			}
			return asked;
		}
		System.out.printf("%12s left out: -Dsamla.benchmark.answers=10000,100000,1000000 -DargLine=-Xmx1g%n",
				"1,000,000");
		return List.of(10_000, 100_000);
	}

	private static Measured print(String label, List<Measured> runs) {
		Measured median = new Measured(runs.get(0).answers(), median(runs, Measured::compile),
				median(runs, Measured::email), median(runs, Measured::xlsx), median(runs, Measured::total),
				median(runs, Measured::cpu), median(runs, Measured::gc),
				runs.stream().mapToLong(Measured::peakUsed).max().orElse(0),
				runs.stream().mapToLong(Measured::peakLive).max().orElse(0), runs.get(0).emailBytes(),
				runs.get(0).xlsxBytes(), runs.get(0).fileChars(), median(runs, Measured::file), runs.get(0).charts(),
				runs.get(0).pngBytes(), median(runs, Measured::chartsTime), runs.get(0).mimeBytes());
		System.out.printf(
				"%12s %,8d ms %,7d ms %,7d ms %,7d ms %,7d ms %,7d ms %9.1f ms %,9d MB %,7d MB %,9d kB %,7d kB %,12d %,9d ms%s%n",
				label, median.compile() / 1_000_000, median.email() / 1_000_000, median.xlsx() / 1_000_000,
				median.total() / 1_000_000, median.cpu() / 1_000_000, median.gc() / 1_000_000,
				median.total() / 1e6 / (median.answers() / 1000.0), median.peakUsed() >> 20, median.peakLive() >> 20,
				median.emailBytes() >> 10, median.xlsxBytes() >> 10, median.fileChars(), median.file() / 1_000_000,
				(runs.size() > 1) ? " (median of " + runs.size() + ")" : " (1 run)");
		System.out.printf(
				"%12s charts %d (%,d kB of PNG, drawn in %,d ms, in email); whole email as sent, about "
						+ "(bodies, charts, workbook as base64) %,d kB%n",
				"", median.charts(), median.pngBytes() >> 10, median.chartsTime() / 1_000_000,
				median.mimeBytes() >> 10);
		return median;
	}

	private static long median(List<Measured> runs, ToLongFunction<Measured> value) {
		long[] values = runs.stream().mapToLong(value).sorted().toArray();
		return values[values.length / 2];
	}

	/**
	 * Compiles and renders once, the digest and its email bodies held as the email path
	 * does; then the whole HTML as the operator's file is written (streamed, not timed in
	 * the total).
	 */
	private static Measured measure(DigestSource source) throws IOException {
		settle();
		try (HeapWatch heap = new HeapWatch()) {
			long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			long gc = gcMillis();
			long start = System.nanoTime();
			Digest digest = DigestCompiler.compile(source);
			long compiled = System.nanoTime();
			// the charts count with the email, which shows them
			List<Chart> charts = DigestCharts.charts(digest, TEXTS);
			long charted = System.nanoTime();
			String html = HtmlDigest.toString(digest, TEXTS, EMAIL, charts);
			String text = TextDigest.toString(digest, TEXTS, EMAIL);
			long rendered = System.nanoTime();
			CountingOutputStream xlsx = new CountingOutputStream();
			XlsxDigest.write(digest, TEXTS, charts, xlsx);
			long written = System.nanoTime();
			cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
			gc = (gcMillis() - gc) * 1_000_000;
			CountingWriter file = new CountingWriter();
			HtmlDigest.write(digest, TEXTS, file);
			long filed = System.nanoTime();
			assertThat(html).endsWith("</html>\n");
			assertThat(text).isNotEmpty();
			assertThat(xlsx.count).isPositive();
			long emailBytes = html.getBytes(StandardCharsets.UTF_8).length;
			assertThat(emailBytes).isLessThanOrEqualTo(EMAIL.maxBytes());
			long pngBytes = charts.stream().mapToLong(chart -> chart.png().length).sum();
			// the whole email as sent: both bodies, and the charts and the workbook as
			// base64 parts
			long mimeBytes = emailBytes + text.getBytes(StandardCharsets.UTF_8).length
					+ charts.stream().mapToLong(chart -> base64(chart.png().length)).sum() + base64(xlsx.count);
			int answers = digest.raw().size();
			return new Measured(answers, compiled - start, rendered - compiled, written - rendered, written - start,
					cpu, gc, heap.peakUsed(), heap.peakLive(), emailBytes, xlsx.count, file.count, filed - written,
					charts.size(), pngBytes, charted - compiled, mimeBytes);
		}
	}

	/**
	 * The size of bytes as a base64 part: four characters for three, lines of 76 and
	 * CRLF.
	 */
	private static long base64(long bytes) {
		long characters = (bytes + 2) / 3 * 4;
		return characters + (characters + 75) / 76 * 2;
	}

	/** The time the collectors have taken so far, as their beans count it (pauses). */
	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	/** Collects garbage and tells the heap in use. */
	private static long settle() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	// --- the inputs

	static List<Organisation> organisations() {
		List<Organisation> organisations = new ArrayList<>();
		for (int o = 0; o < ORGANISATIONS; o++) {
			String place = PLACES[o % PLACES.length];
			int round = o / PLACES.length;
			boolean region = o % 13 == 12;
			String name = region ? "Region " + place + " län" : place + (place.endsWith("s") ? "" : "s") + " kommun";
			if (round > 0) {
				name += " " + (round + 1);
			}
			organisations.add(new Organisation(new OrganisationId("org-" + o), name,
					region ? OrganisationKind.REGION : OrganisationKind.KOMMUN));
		}
		return organisations;
	}

	/**
	 * Five submitted free-text answers per response; a tenth more asked who did not
	 * answer.
	 */
	static DigestSource stepTwoSource(Questionnaire questionnaire, List<Organisation> organisations,
			ThemeMatcher themes, int answers, Random random) {
		List<Question> questions = questionnaire.questions();
		int respondents = answers / questions.size();
		People people = people(organisations, respondents + respondents / 10, random);
		List<ResponseState> responses = new ArrayList<>(respondents);
		SendOutId sendOut = new SendOutId("steg2-benchmark");
		for (int p = 0; p < respondents; p++) {
			List<Step> steps = new ArrayList<>(questions.size());
			for (int q = 0; q < questions.size(); q++) {
				Question question = questions.get(q);
				steps.add(new Step(StepKey.of(question.id()), question, null, q + 1, questions.size(),
						new AnswerValue.TextAnswer(text(random)), false));
			}
			responses.add(submitted(sendOut, people.list().get(p), questionnaire, steps));
		}
		return source(sendOut, "Kartläggning steg 2", questionnaire, people, responses, organisations, themes);
	}

	/** Two people per organisation rating the occupations, with an analysis. */
	static DigestSource stepOneSource(Questionnaire questionnaire, List<Organisation> organisations,
			ThemeMatcher themes, Random random) {
		People people = people(organisations, organisations.size() * STEP_ONE_PER_ORGANISATION, random);
		Question matrix = questionnaire.question("bedomning").orElseThrow();
		List<ResponseState> responses = new ArrayList<>();
		SendOutId sendOut = new SendOutId("steg1-benchmark");
		for (Person person : people.list()) {
			Map<String, Map<String, String>> ratings = new LinkedHashMap<>();
			Map<String, String> comments = new LinkedHashMap<>();
			boolean shortage = false;
			for (Option row : matrix.rows()) {
				Map<String, String> cells = new LinkedHashMap<>();
				for (Option period : matrix.periods()) {
					var level = matrix.scale().levels().get(random.nextInt(matrix.scale().levels().size()));
					cells.put(period.id(), level.id());
					shortage |= level.id().equals("brist");
				}
				ratings.put(row.id(), cells);
				if (random.nextInt(4) == 0) {
					comments.put(row.id(), SENTENCES[random.nextInt(SENTENCES.length)]);
				}
			}
			List<Step> steps = new ArrayList<>();
			for (Question question : questionnaire.questions()) {
				AnswerValue answer;
				if (question.type() == QuestionType.MATRIX) {
					answer = new AnswerValue.MatrixAnswer(ratings, comments);
				}
				else if (question.showIf() != null && !shortage) {
					continue;
				}
				else {
					answer = new AnswerValue.TextAnswer(text(random));
				}
				steps.add(new Step(StepKey.of(question.id()), question, null, steps.size() + 1,
						questionnaire.questions().size(), answer, false));
			}
			responses.add(submitted(sendOut, person, questionnaire, steps));
		}
		return source(sendOut, "Kartläggning steg 1", questionnaire, people, responses, organisations, themes);
	}

	private static DigestSource source(SendOutId id, String title, Questionnaire questionnaire, People people,
			List<ResponseState> responses, List<Organisation> organisations, ThemeMatcher themes) {
		SendOut sendOut = new SendOut(id, title, questionnaire.id(),
				new Audience(Set.of(Network.SOCIALCHEFSNATVERKET, Network.HR_CHEFSNATVERKET), Set.of(), List.of(),
						false),
				OPENS, DEADLINE, null, null, "benchmark", SendOutRules.defaults(SampleDigests.ZONE), null);
		Map<PersonId, String> unreachable = new LinkedHashMap<>();
		for (int p = 0; p < people.list().size(); p += 50) {
			unreachable.put(people.list().get(p).id(), "Ingen e-postadress");
		}
		// every answer came by email, as a real round's raw data says
		Map<ResponseId, Map<StepKey, String>> channels = new java.util.HashMap<>();
		for (ResponseState response : responses) {
			Map<StepKey, String> byStep = new java.util.HashMap<>();
			response.steps().forEach(step -> byStep.put(step.key(), "E-post"));
			channels.put(response.id(), byStep);
		}
		return new DigestSource(sendOut, questionnaire, people.list(), responses, organisations, people.byId(),
				unreachable, unreachable, channels, null, List.of(), List.of(), List.of(Network.values()), themes,
				View.PERSONS, Language.SV, NOW);
	}

	private static ResponseState submitted(SendOutId sendOut, Person person, Questionnaire questionnaire,
			List<Step> steps) {
		return new ResponseState(new ResponseId(new UUID(1, person.id().value().getLeastSignificantBits())), sendOut,
				person.id(), questionnaire, ResponseStatus.SUBMITTED, steps, null, DEADLINE,
				NOW.minusSeconds(3600 + person.id().value().getLeastSignificantBits() % 86_400));
	}

	private static People people(List<Organisation> organisations, int count, Random random) {
		List<Person> list = new ArrayList<>(count);
		Map<PersonId, Person> byId = new LinkedHashMap<>();
		Network[] networks = Network.values();
		for (int p = 0; p < count; p++) {
			Organisation organisation = organisations.get(random.nextInt(organisations.size()));
			String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
					+ LAST_NAMES[random.nextInt(LAST_NAMES.length)];
			Set<Network> memberOf = EnumSet.of(networks[random.nextInt(networks.length)]);
			Person person = new Person(new PersonId(new UUID(0, p)), name,
					"person" + p + "@" + organisation.id().value() + ".example.se", "Enhetschef", organisation.id(),
					memberOf, null, PreferredChannel.EMAIL, Language.SV, true);
			list.add(person);
			byId.put(person.id(), person);
		}
		return new People(list, byId);
	}

	/**
	 * Free text of 50–300 characters from the sentences (each at most once), now and then
	 * over several lines.
	 */
	static String text(Random random) {
		int length = 50 + random.nextInt(251);
		StringBuilder text = new StringBuilder(320);
		while (text.length() < length) {
			String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
			if (text.indexOf(sentence) >= 0) {
				continue;
			}
			if (text.length() + 1 + sentence.length() > 300) {
				if (text.length() >= 50) {
					break;
				}
				continue;
			}
			if (!text.isEmpty()) {
				text.append((random.nextInt(5) == 0) ? '\n' : ' ');
			}
			text.append(sentence);
		}
		return text.toString();
	}

	private record People(List<Person> list, Map<PersonId, Person> byId) {
	}

	private record Measured(int answers, long compile, long email, long xlsx, long total, long cpu, long gc,
			long peakUsed, long peakLive, long emailBytes, long xlsxBytes, long fileChars, long file, int charts,
			long pngBytes, long chartsTime, long mimeBytes) {
	}

	/** Counts the characters and keeps none. */
	private static final class CountingWriter extends Writer {

		private long count;

		@Override
		public void write(char[] chars, int offset, int length) {
			this.count += length;
		}

		@Override
		public void write(String text, int offset, int length) {
			this.count += length;
		}

		@Override
		public Writer append(CharSequence text) {
			this.count += text.length();
			return this;
		}

		@Override
		public Writer append(CharSequence text, int start, int end) {
			this.count += end - start;
			return this;
		}

		@Override
		public Writer append(char c) {
			this.count++;
			return this;
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

	/** Counts the bytes and keeps none. */
	private static final class CountingOutputStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

	/**
	 * The heap while something runs: the used heap sampled every millisecond and before
	 * every collection (its peak: live data and garbage not yet collected), and the heap
	 * left after every collection (its peak: the most that was live at once, near
	 * enough). The pools' peaks are reset at the start.
	 */
	private static final class HeapWatch implements AutoCloseable, NotificationListener {

		private final AtomicLong peakUsed = new AtomicLong();

		private final AtomicLong peakLive = new AtomicLong();

		private final Thread sampler;

		private volatile boolean running = true;

		HeapWatch() {
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					pool.resetPeakUsage();
				}
			}
			long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			this.peakUsed.set(used);
			this.peakLive.set(used);
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener(this, null, null);
			}
			this.sampler = new Thread(() -> {
				while (this.running) {
					this.peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
							Math::max);
					try {
						Thread.sleep(1);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		@Override
		public void handleNotification(Notification notification, Object handback) {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				return;
			}
			var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
			this.peakUsed.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
			this.peakLive.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
		}

		private static long heap(Map<String, MemoryUsage> pools) {
			long used = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				MemoryUsage usage = pools.get(pool.getName());
				if (pool.getType() == MemoryType.HEAP && usage != null) {
					used += usage.getUsed();
				}
			}
			return used;
		}

		long peakUsed() {
			return this.peakUsed.get();
		}

		long peakLive() {
			return this.peakLive.get();
		}

		@Override
		public void close() {
			this.running = false;
			this.sampler.interrupt();
			try {
				this.sampler.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				try {
					((NotificationEmitter) collector).removeNotificationListener(this);
				}
				catch (javax.management.ListenerNotFoundException ex) {
					// not registered
				}
			}
			long pools = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					pools = Math.max(pools, pool.getPeakUsage().getUsed());
				}
			}
			this.peakUsed.accumulateAndGet(pools, Math::max);
		}

	}

}
