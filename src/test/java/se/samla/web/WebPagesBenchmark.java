package se.samla.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.StepKey;
import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.support.WebSession;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the server takes to answer the web pages of a send-out to 10,000 people, over
 * HTTP on loopback (so the figure includes Tomcat, Spring Security and the template, not
 * a browser's rendering): the project leads' page (targets: under 300 ms) and a chief's
 * question page, one-page form and a saved answer (under 50 ms). Prints median and p95;
 * asserts only that the pages were right. Run with
 * {@code ./mvnw -q -o test -Pbenchmark -Dtest=WebPagesBenchmark}; see BENCHMARKS.md.
 */
@EnabledIfSystemProperty(named = "samla.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.surveys.location=src/test/resources/web/conversations", "samla.web.guesses=1000000",
				"logging.level.se.samla=WARN" })
@Import(TestClockConfiguration.class)
class WebPagesBenchmark {

	static final int PEOPLE = Integer.getInteger("samla.bench.web.people", 10_000);

	static final int ANSWERED = PEOPLE / 5;

	static final int WARM_UP = 30;

	static final int MEASURED = 100;

	static final List<String> ORGANISATIONS = List.of("Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga",
			"Kumla", "Laxå", "Lekeberg", "Lindesberg", "Ljusnarsberg", "Nora", "Örebro");

	@LocalServerPort
	int port;

	@Autowired
	DirectoryImport directoryImport;

	@Autowired
	Directory directory;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	ResponseManagement responses;

	@Autowired
	AnswerLinks links;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesOfASendOutToTenThousandPeople() throws Exception {
		this.clock.set(Stockholm.at(2026, 12, 2, 9, 0));
		importPeople();
		SendOutId sendOut = new SendOutId("webb-bank");
		this.sendOuts.define(new SendOut(sendOut, "Webbprov 10 000", new QuestionnaireId("webbprov"),
				new Audience(Set.of(Network.SOCIALCHEFSNATVERKET), Set.of(), List.of(), false),
				Stockholm.at(2026, 12, 1, 8, 0), Stockholm.at(2026, 12, 18, 17, 0), null, null, "bench",
				SendOutRules.defaults(Stockholm.ZONE), null));
		List<Person> recipients = this.sendOuts.recipients(this.sendOuts.find(sendOut).orElseThrow());
		// the sample directory's chiefs are in the network too
		assertThat(recipients).hasSizeGreaterThanOrEqualTo(PEOPLE);
		for (Person person : recipients.subList(0, ANSWERED)) {
			submit(sendOut, person);
		}

		WebSession lead = signedInLead();
		String leadsPage = "/projektledning/utskick/" + sendOut.value();
		assertThat(lead.get(leadsPage).body()).contains(ANSWERED + " av " + recipients.size());
		double[] leads = time(() -> lead.get(leadsPage));

		Person chief = recipients.stream()
			.filter(person -> person.email().equals("chef" + (PEOPLE - 1) + "@bank.example.org"))
			.findFirst()
			.orElseThrow();
		String link = this.links.linkFor(sendOut, chief.id());
		String path = link.substring(link.indexOf("/svar/"));
		WebSession web = new WebSession(this.port);
		assertThat(web.get(path + "/fraga/status").body()).contains("Fråga 1 av 5");
		double[] question = time(() -> web.get(path + "/fraga/status"));
		double[] all = time(() -> web.get(path + "/alla"));
		String form = web.get(path + "/fraga/status").body();
		String csrf = WebSession.csrf(form);
		int[] answer = { 0 };
		double[] save = time(() -> {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("_csrf", csrf);
			fields.put("formular", java.util.UUID.randomUUID().toString());
			fields.put("status", (answer[0]++ % 2 == 0) ? "bra" : "sadar");
			fields.put("handling", "fortsatt");
			HttpResponse<String> saved = web.post(path + "/fraga/status", fields);
			assertThat(saved.statusCode()).isEqualTo(302);
			return saved;
		});

		System.out.printf(
				"WEB PAGES BENCHMARK: %,d people (%,d answered), %d requests each after %d warm-up, %d cores%n"
						+ "  project leads' send-out page   median %6.1f ms  p95 %6.1f ms  (target < 300 ms)%n"
						+ "  question page                  median %6.1f ms  p95 %6.1f ms  (target < 50 ms)%n"
						+ "  all questions on one page      median %6.1f ms  p95 %6.1f ms  (target < 50 ms)%n"
						+ "  saving an answer (POST)        median %6.1f ms  p95 %6.1f ms  (target < 50 ms)%n",
				recipients.size(), ANSWERED, MEASURED, WARM_UP, Runtime.getRuntime().availableProcessors(), leads[0],
				leads[1], question[0], question[1], all[0], all[1], save[0], save[1]);
	}

	private WebSession signedInLead() throws Exception {
		String token = "benchmarkSignInToken0123456789abcdefghijklm";
		this.jdbc.sql("INSERT INTO web_sign_in (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(sha256(token), "anna.lind@example.org", Instant.now(this.clock).atOffset(java.time.ZoneOffset.UTC),
					Instant.now(this.clock).plusSeconds(900).atOffset(java.time.ZoneOffset.UTC))
			.update();
		WebSession lead = new WebSession(this.port);
		String page = lead.get("/logga-in/" + token).body();
		HttpResponse<String> signedIn = lead.post("/logga-in/" + token, Map.of("_csrf", WebSession.csrf(page)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return lead;
	}

	private void submit(SendOutId sendOut, Person person) {
		ResponseState state = this.responses.startOrResume(sendOut, person.id(), Channel.EMAIL);
		Source source = Source.of(Channel.EMAIL, null);
		this.responses.answer(state.id(), StepKey.of("status"), new AnswerValue.ChoiceAnswer("bra"), source);
		this.responses.answer(state.id(), StepKey.of("insatser"), new AnswerValue.ChoicesAnswer(List.of("mentorskap")),
				source);
		this.responses.answer(state.id(), StepKey.of("lage"), new AnswerValue.ChoiceAnswer("hallbart"), source);
		this.responses.answer(state.id(), StepKey.of("bedomning"),
				new AnswerValue.MatrixAnswer(Map.of("sjukskoterska", Map.of("nu", "hallbart", "ar1", "hallbart"),
						"underskoterska", Map.of("nu", "hallbart", "ar1", "hallbart")), Map.of()),
				source);
		this.responses.submit(state.id(), source);
	}

	private void importPeople() {
		StringBuilder csv = new StringBuilder("Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk\n");
		for (int i = 0; i < PEOPLE; i++) {
			csv.append("Chef ")
				.append(i)
				.append(";chef")
				.append(i)
				.append("@bank.example.org;")
				.append(ORGANISATIONS.get(i % ORGANISATIONS.size()))
				.append(";Socialchef;Socialchefsnätverket;E-post;sv\n");
		}
		ImportReport report = this.directoryImport.importPeople("bank.csv",
				new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false);
		assertThat(report.rejected()).isEmpty();
	}

	private static double[] time(Request request) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			request.send();
		}
		long[] nanos = new long[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = request.send();
			nanos[i] = System.nanoTime() - start;
			assertThat(response.statusCode()).isLessThan(400);
		}
		Arrays.sort(nanos);
		return new double[] { nanos[MEASURED / 2] / 1e6, nanos[(int) Math.ceil(MEASURED * 0.95) - 1] / 1e6 };
	}

	private static String sha256(String token) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.US_ASCII)));
	}

	@FunctionalInterface
	interface Request {

		HttpResponse<String> send() throws Exception;

	}

}
