package se.samla.email.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Person;
import se.samla.entra.AccessTokens;
import se.samla.entra.Registration;
import se.samla.entra.TokenProblem;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.Mails;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Stockholm.at;

/**
 * Mail as Exchange Online wants it: invitations sent and replies read with an access
 * token from Entra (WireMock) by SASL XOAUTH2 (GreenMail, which takes a token equal to
 * the user's password), the token renewed once when the server refuses it, and a token
 * Entra refuses never turning a message into a bounce.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost", "spring.mail.username=" + MailOAuthJourneyTests.SENDER,
				"samla.email.imap.enabled=true", "samla.email.imap.host=localhost", "samla.email.imap.ssl=false",
				"samla.email.imap.username=" + MailOAuthJourneyTests.MAILBOX, "samla.email.imap.idle=false",
				"samla.email.oauth.tenant-id=" + MailOAuthJourneyTests.TENANT,
				"samla.email.oauth.app-id=" + MailOAuthJourneyTests.APP, "samla.email.oauth.client-secret=s3cret" })
@Import(TestClockConfiguration.class)
class MailOAuthJourneyTests {

	static final String TENANT = "0b6c1a1e-7d2f-4b7e-9a0c-444444444444";

	static final String APP = "5a8f3e2d-3c4b-4a1f-8e7d-555555555555";

	static final String SENDER = "samla@samla.example.org";

	static final String MAILBOX = "enkat@samla.example.org";

	private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";

	static final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	static final WireMockServer entra = new WireMockServer(options().dynamicPort());

	static {
		mail.start();
		entra.start();
	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("samla.email.imap.port", () -> mail.getImap().getPort());
		registry.add("samla.entra.authority", () -> entra.baseUrl() + "/");
	}

	@AfterAll
	static void stop() {
		mail.stop();
		entra.stop();
	}

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MailboxReader reader;

	@Autowired
	ResponseManagement responses;

	@Autowired
	ContactRoutes routes;

	@Autowired
	AccessTokens tokens;

	@Autowired
	JavaMailSenderImpl sender;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void fresh() throws Exception {
		JourneyStart.fresh(mail, this.jdbc);
		mail.purgeEmailFromAllMailboxes();
		this.jdbc.sql("DELETE FROM email_sent").update();
		entra.resetAll();
		// a token of an earlier test is not this test's
		this.tokens.rejected(Registration.withSecret(TENANT, APP, "s3cret"), AccessTokens.EXCHANGE_ONLINE);
		this.clock.set(at(2026, 12, 1, 9, 0));
	}

	@Test
	void anInvitationGoesOutAndItsReplyIsReadAndConfirmedSignedInWithOneTokenFromEntra() throws Exception {
		serverAccepts("token-1");
		issueInTurn("token-1");
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "oauth-svar", "Kartläggning steg 2 (OAuth)", "kumla");

		this.dispatcher.run();
		Person replying = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = Mails.inbox(mail, replying.email()).get(0);
		Mails.send(mail.getSmtp().getPort(), Mails.reply(invitation, replying, "<oauth-svar-1@kumla.example.org>", """
				1. Vi ser brist på sjuksköterskor.
				2. Introduktionsprogram för nyanställda.
				"""));

		assertThat(this.reader.read()).isEqualTo(1);
		assertThat(this.responses.find(id, replying.id()).orElseThrow().steps().get(0).answer())
			.isEqualTo(new TextAnswer("Vi ser brist på sjuksköterskor."));
		assertThat(Mails.confirmations(mail, replying.email())).hasSize(1);
		// sending, reading and confirming asked Entra once: the token is reused until it
		// is due for renewal
		assertThat(tokenRequests()).hasSize(1);
		assertThat(form(tokenRequests().get(0))).containsEntry("grant_type", "client_credentials")
			.containsEntry("client_id", APP)
			.containsEntry("scope", "https://outlook.office365.com/.default");
	}

	@Test
	void aTokenTheMailServerRefusesIsRenewedOnceAndSendingAndReadingGoOn() throws Exception {
		issueInTurn("token-expired", "token-2", "token-3");
		serverAccepts("token-2");
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "oauth-fornyad", "Kartläggning steg 2 (förnyad)", "kumla");

		this.dispatcher.run();

		List<Person> people = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow());
		assertThat(people).allSatisfy(person -> assertThat(Mails.inbox(mail, person.email())).hasSize(1));
		assertThat(tokenRequests()).hasSize(2);

		serverAccepts("token-3");
		Mails.send(mail.getSmtp().getPort(), Mails.reply(Mails.inbox(mail, people.get(0).email()).get(0), people.get(0),
				"<oauth-fornyad-1@kumla.example.org>", "1. Brist på sjuksköterskor."));
		assertThat(this.reader.read()).isEqualTo(1);
		assertThat(tokenRequests()).hasSize(3);
		assertThat(this.responses.find(id, people.get(0).id()).orElseThrow().steps().get(0).isAnswered()).isTrue();
	}

	@Test
	void bootsMailSenderForConfirmationsAndTheHealthCheckSignsInWithTheTokenToo() throws Exception {
		issueInTurn("token-expired", "token-2");
		serverAccepts("token-2");

		this.sender.testConnection();

		assertThat(tokenRequests()).hasSize(2);
	}

	@Test
	void aTokenEntraRefusesLeavesTheInvitationWaitingNotBouncedAndItGoesOutOnceEntraGivesOne() {
		serverAccepts("token-1");
		entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret"
					+ " provided. Ensure the secret being sent in the request is the client secret value.\"}")));
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "oauth-nekad", "Kartläggning steg 2 (nekad)", "kumla");

		this.dispatcher.run();

		List<Person> people = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow());
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(outbox(id)).isNotEmpty()
			.allSatisfy(row -> assertThat(row.status()).isEqualTo("PENDING"))
			.allSatisfy(row -> assertThat(row.lastError()).contains("AADSTS7000215").doesNotContain("s3cret"));
		assertThat(people).allSatisfy(
				person -> assertThat(this.routes.isReachable(person.id(), Channel.EMAIL)).as("still reachable by email")
					.isTrue());
		assertThat(this.tokens.problems()).extracting(TokenProblem::tenantId, TokenProblem::scope)
			.contains(org.assertj.core.groups.Tuple.tuple(TENANT, AccessTokens.EXCHANGE_ONLINE));

		issueInTurn("token-1");
		this.dispatcher.run();

		assertThat(people).allSatisfy(person -> assertThat(Mails.inbox(mail, person.email())).hasSize(1));
		assertThat(outbox(id)).allSatisfy(row -> assertThat(row.status()).isEqualTo("SENT"));
	}

	/**
	 * The mail server takes this token (and nothing else) for Samla's sender and mailbox.
	 */
	private static void serverAccepts(String token) {
		for (String user : List.of(SENDER, MAILBOX)) {
			if (mail.getUserManager().getUser(user) == null) {
				mail.setUser(user, user, token);
			}
			else {
				mail.getUserManager().getUser(user).setPassword(token);
			}
		}
	}

	/**
	 * Entra's token endpoint hands out these tokens in turn, the last one from then on.
	 */
	private static void issueInTurn(String... tokens) {
		for (int i = 0; i < tokens.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "issued " + i;
			entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
				.whenScenarioStateIs(state)
				.willReturn(okJson(
						"{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + tokens[i] + "\"}"))
				.willSetStateTo((i + 1 < tokens.length) ? "issued " + (i + 1) : state));
		}
	}

	private static List<LoggedRequest> tokenRequests() {
		return entra.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	private static Map<String, String> form(LoggedRequest request) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : request.getBodyAsString().split("&")) {
			String[] kv = pair.split("=", 2);
			form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
		}
		return form;
	}

	private List<OutboxRow> outbox(SendOutId id) {
		return this.jdbc.sql("SELECT status, last_error FROM outbox WHERE send_out_id = ?")
			.param(id.value())
			.query((rs, n) -> new OutboxRow(rs.getString(1), rs.getString(2)))
			.list();
	}

	private record OutboxRow(String status, String lastError) {
	}

}
