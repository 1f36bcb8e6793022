package se.samla.email.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.samla.email.MailOAuthProperties;
import se.samla.entra.AccessTokens;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.Registration;
import se.samla.entra.TokenProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which way Samla signs in to the mail server: passwords unless mail names a tenant, and
 * then the token of that tenant's registration over XOAUTH2. (The whole way with Entra's
 * token endpoint is in {@link MailOAuthJourneyTests}.)
 */
class MailLoginTests {

	private static final String TENANT = "0b6c1a1e-7d2f-4b7e-9a0c-666666666666";

	private static final String BOT = "5a8f3e2d-3c4b-4a1f-8e7d-777777777777";

	private static final String MAILBOX = "enkat@samla.example.org";

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	private final GivenTokens tokens = new GivenTokens("token-1");

	@Test
	void withoutATenantTheMailboxIsOpenedWithItsPasswordAndEntraIsNeverAsked() throws Exception {
		mail.setUser(MAILBOX, MAILBOX, "hemligt");
		MailLogin login = new MailLogin(new MailOAuthProperties(null, null, null, null, null),
				new EntraRegistrations(List.of()), this.tokens);

		Store store = openMailbox(login, "hemligt");

		assertThat(store.isConnected()).isTrue();
		assertThat(login.settings(new Properties(), "imap")).doesNotContainKey("mail.imap.auth.mechanisms");
		assertThat(this.tokens.asked).isEmpty();
		store.close();
	}

	@Test
	void aTenantAloneSignsInWithTheTokenOfThatTenantsRegistrationTheBotsOverXoauth2() throws Exception {
		mail.setUser(MAILBOX, MAILBOX, "token-1");
		Registration bot = Registration.withSecret(TENANT, BOT, "bot-secret", "kumla");
		MailLogin login = new MailLogin(new MailOAuthProperties(TENANT.toUpperCase(), null, null, null, null),
				new EntraRegistrations(List.of(bot)), this.tokens);

		Store store = openMailbox(login, null);

		assertThat(store.isConnected()).isTrue();
		assertThat(this.tokens.asked).containsExactly(BOT + " " + AccessTokens.EXCHANGE_ONLINE);
		assertThat(login.settings(new Properties(), "imaps")).containsEntry("mail.imaps.auth.mechanisms", "XOAUTH2");
		assertThat(login.settings(new Properties(), "smtp")).containsEntry("mail.smtp.auth.mechanisms", "XOAUTH2")
			.containsEntry("mail.smtp.auth", "true");
		store.close();
	}

	@Test
	void aTenantWithoutARegistrationIsRefusedAtStartSayingWhatToAdd() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new MailLogin(new MailOAuthProperties(TENANT, null, null, null, null),
					new EntraRegistrations(List.of()), this.tokens))
			.withMessageContaining(TENANT)
			.withMessageContaining("samla.entra.registrations")
			.withMessageContaining("samla.email.oauth.app-id");
	}

	@Test
	void aRegistrationOfMailsOwnWithoutACredentialIsRefusedAtStartNamingTheSettings() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new MailLogin(new MailOAuthProperties(TENANT, BOT, null, null, null),
					new EntraRegistrations(List.of()), this.tokens))
			.withMessageStartingWith("samla.email.oauth: ")
			.withMessageContaining("client-secret or certificate");
	}

	private static Store openMailbox(MailLogin login, String password) throws Exception {
		Store store = Session.getInstance(login.settings(new Properties(), "imap")).getStore("imap");
		login.connect(store, "localhost", mail.getImap().getPort(), MAILBOX, password);
		return store;
	}

	/** Entra as far as this class needs it: one token, and who asked for it. */
	private static final class GivenTokens implements AccessTokens {

		private final String token;

		private final List<String> asked = new ArrayList<>();

		GivenTokens(String token) {
			this.token = token;
		}

		@Override
		public String token(Registration registration, String scope) {
			this.asked.add(registration.appId() + " " + scope);
			return this.token;
		}

		@Override
		public void rejected(Registration registration, String scope) {
		}

		@Override
		public List<TokenProblem> problems() {
			return List.of();
		}

	}

}
