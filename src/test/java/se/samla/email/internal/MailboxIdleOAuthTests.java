package se.samla.email.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

import se.samla.email.ImapProperties;
import se.samla.email.MailOAuthProperties;
import se.samla.entra.AccessTokens;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.Registration;
import se.samla.entra.TokenProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The IMAP IDLE watcher signed in as Exchange Online wants it: SASL XOAUTH2 with an
 * access token (GreenMail takes a token equal to the user's password). A reply that
 * arrives while it idles nudges the mailbox job at once; when the server ends the
 * connection (Exchange does when the token expires) it connects again, and a token the
 * server refuses is renewed once. A small relay between the watcher and GreenMail records
 * what the watcher says and can cut the connection.
 */
class MailboxIdleOAuthTests {

	private static final String TENANT = "0b6c1a1e-7d2f-4b7e-9a0c-888888888888";

	private static final String APP = "5a8f3e2d-3c4b-4a1f-8e7d-999999999999";

	private static final String MAILBOX = "enkat@samla.example.org";

	private static final Pattern XOAUTH2 = Pattern.compile("AUTHENTICATE XOAUTH2(?: |\\r\\n)([A-Za-z0-9+/=]+)");

	private final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	private final TokensInTurn tokens = new TokensInTurn();

	private Relay relay;

	private Scheduler scheduler;

	private MailboxWatcher watcher;

	@BeforeEach
	void start() throws Exception {
		this.mail.start();
		this.relay = new Relay(this.mail.getImap().getPort());
		Properties quartz = new Properties();
		quartz.setProperty("org.quartz.scheduler.instanceName", "mailbox-idle-oauth-" + System.nanoTime());
		quartz.setProperty("org.quartz.threadPool.threadCount", "1");
		quartz.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		this.scheduler = new StdSchedulerFactory(quartz).getScheduler();
		this.scheduler.addJob(
				JobBuilder.newJob(ReadMailbox.class).withIdentity(MailboxScheduling.JOB).storeDurably().build(), false);
		this.scheduler.start();
		ReadMailbox.runs.set(0);
	}

	@AfterEach
	void stop() throws Exception {
		if (this.watcher != null) {
			this.watcher.stop();
		}
		this.scheduler.shutdown(true);
		this.relay.close();
		this.mail.stop();
	}

	@Test
	void signsInWithXoauth2AndAReplyArrivingWhileIdlingNudgesTheMailboxJob() {
		serverAccepts("token-1");
		this.tokens.issue("token-1");
		startWatcher();
		awaitIdlingAfter(0);

		assertThat(ReadMailbox.runs).as("nudged before anything arrived").hasValue(0);
		deliverReply();

		awaitNudged();
		assertThat(bearers()).containsExactly("token-1");
		assertThat(this.relay.said()).doesNotContain(" LOGIN ");
		assertThat(this.tokens.asked).hasValue(1);
	}

	@Test
	void aTokenRefusedAtTheFirstConnectionIsRenewedOnceAndIdlingBegins() {
		serverAccepts("token-2");
		this.tokens.issue("token-expired", "token-2");
		startWatcher();
		awaitIdlingAfter(0);

		assertThat(ReadMailbox.runs).as("nudged before anything arrived").hasValue(0);
		deliverReply();

		awaitNudged();
		assertThat(bearers()).containsExactly("token-expired", "token-2");
		assertThat(this.tokens.rejected).hasValue(1);
	}

	@Test
	void afterTheServerEndsTheConnectionTheWatcherSignsInAgainWithAFreshTokenAndGoesOnIdling() {
		serverAccepts("token-1");
		this.tokens.issue("token-1", "token-2");
		startWatcher();
		awaitIdlingAfter(0);

		// the token expired: Exchange refuses it and ends the connection
		serverAccepts("token-2");
		int before = this.relay.connections();
		this.relay.cut();
		awaitIdlingAfter(before);
		assertThat(ReadMailbox.runs).as("nudged before anything arrived").hasValue(0);
		deliverReply();

		awaitNudged();
		// Jakarta Mail may try the refused token twice in one sign-in; Entra is asked
		// once more
		assertThat(bearers()).startsWith("token-1", "token-1").endsWith("token-2").containsOnly("token-1", "token-2");
		assertThat(this.tokens.rejected).hasValue(1);
		assertThat(this.tokens.asked).hasValue(2);
	}

	private void startWatcher() {
		Registration registration = Registration.withSecret(TENANT, APP, "s3cret");
		MailLogin login = new MailLogin(new MailOAuthProperties(TENANT, null, null, null, null),
				new EntraRegistrations(List.of(registration)), this.tokens);
		ImapProperties imap = new ImapProperties(true, "localhost", this.relay.port(), false, MAILBOX, null, "INBOX",
				Duration.ofHours(1), Duration.ofDays(90));
		this.watcher = new MailboxWatcher(imap, this.scheduler, login);
		this.watcher.start();
	}

	/**
	 * Waits until the watcher idles on a connection opened after the first {@code after}
	 * ones. GreenMail complains in its own threads of connections cut in the middle of
	 * IDLE: that is the point here, not a failure.
	 */
	private void awaitIdlingAfter(int after) {
		try {
			await().dontCatchUncaughtExceptions()
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.relay.connections() > after
						&& this.relay.said(this.relay.connections() - 1).contains(" IDLE"));
		}
		catch (ConditionTimeoutException ex) {
			StringBuilder where = new StringBuilder();
			Thread.getAllStackTraces().forEach((thread, stack) -> {
				if (thread.getName().equals("samla-mailbox-idle")) {
					for (StackTraceElement element : stack) {
						where.append("\n  at ").append(element);
					}
				}
			});
			throw new AssertionError("not idling after connection " + after + "; the watcher said, by connection: "
					+ this.relay.transcripts + "; the server said: " + this.relay.answers + "; its thread:" + where,
					ex);
		}
	}

	private void awaitNudged() {
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> ReadMailbox.runs.get() >= 1);
	}

	private void deliverReply() {
		GreenMailUtil.sendTextEmail(MAILBOX, "lena.bergkvist@example.org", "SV: Kartläggning steg 2",
				"1. Vi behöver fler sjuksköterskor.", this.mail.getSmtp().getServerSetup());
	}

	private void serverAccepts(String token) {
		if (this.mail.getUserManager().getUser(MAILBOX) == null) {
			this.mail.setUser(MAILBOX, MAILBOX, token);
		}
		else {
			this.mail.getUserManager().getUser(MAILBOX).setPassword(token);
		}
	}

	/** The bearer tokens of the watcher's XOAUTH2 sign-ins, in order. */
	private List<String> bearers() {
		List<String> bearers = new ArrayList<>();
		Matcher matcher = XOAUTH2.matcher(this.relay.said());
		while (matcher.find()) {
			String response = new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8);
			assertThat(response).startsWith("user=" + MAILBOX + "\u0001auth=Bearer ").endsWith("\u0001\u0001");
			bearers.add(response.substring(("user=" + MAILBOX + "\u0001auth=Bearer ").length(), response.length() - 2));
		}
		return bearers;
	}

	/** The mailbox job as Quartz runs it: here it only counts. */
	public static class ReadMailbox implements Job {

		static final AtomicInteger runs = new AtomicInteger();

		@Override
		public void execute(JobExecutionContext context) {
			runs.incrementAndGet();
		}

	}

	/**
	 * Entra as far as the watcher needs it: tokens in turn, the last one from then on.
	 */
	private static final class TokensInTurn implements AccessTokens {

		private final List<String> issued = new ArrayList<>();

		private final AtomicInteger asked = new AtomicInteger();

		private final AtomicInteger rejected = new AtomicInteger();

		private volatile String current;

		void issue(String... tokens) {
			this.issued.addAll(List.of(tokens));
		}

		@Override
		public synchronized String token(Registration registration, String scope) {
			assertThat(scope).isEqualTo(AccessTokens.EXCHANGE_ONLINE);
			if (this.current == null) {
				this.current = this.issued.get(Math.min(this.asked.getAndIncrement(), this.issued.size() - 1));
			}
			return this.current;
		}

		@Override
		public synchronized void rejected(Registration registration, String scope) {
			this.rejected.incrementAndGet();
			this.current = null;
		}

		@Override
		public List<TokenProblem> problems() {
			return List.of();
		}

	}

	/**
	 * Relays IMAP connections to GreenMail, keeping what the client said on each, and
	 * cuts them on demand as a server ending a connection would.
	 */
	private static final class Relay implements AutoCloseable {

		private final ServerSocket server;

		private final int target;

		private final List<StringBuffer> transcripts = new CopyOnWriteArrayList<>();

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		final List<StringBuffer> answers = new CopyOnWriteArrayList<>();

		Relay(int target) throws IOException {
			this.target = target;
			this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::accept, "imap-relay");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		int connections() {
			return this.transcripts.size();
		}

		String said(int connection) {
			return this.transcripts.get(connection).toString();
		}

		String said() {
			return String.join("", this.transcripts);
		}

		void cut() {
			for (Socket socket : this.sockets) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// closed already
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			cut();
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
					StringBuffer transcript = new StringBuffer();
					this.sockets.add(client);
					this.sockets.add(upstream);
					this.transcripts.add(transcript);
					pump(client.getInputStream(), upstream.getOutputStream(), transcript);
					StringBuffer answers = new StringBuffer();
					this.answers.add(answers);
					pump(upstream.getInputStream(), client.getOutputStream(), answers);
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		private void pump(InputStream in, OutputStream out, StringBuffer transcript) {
			Thread thread = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try {
					for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
						if (transcript != null) {
							transcript.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
						}
						out.write(buffer, 0, read);
						out.flush();
					}
				}
				catch (IOException ex) {
					// the other side is gone
				}
				finally {
					try {
						out.close();
						in.close();
					}
					catch (IOException ex) {
						// closed already
					}
				}
			}, "imap-relay-pump");
			thread.setDaemon(true);
			thread.start();
		}

	}

}
