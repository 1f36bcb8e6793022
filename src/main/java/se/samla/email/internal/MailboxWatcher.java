package se.samla.email.internal;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import se.samla.email.ImapProperties;

/**
 * Waits on the mailbox with IMAP IDLE, where the server supports it, and asks Quartz to
 * run the mailbox job as soon as something arrives, so replies are read within seconds
 * instead of at the next poll. It only nudges: reading stays in the Quartz job, which
 * runs on one instance at a time. Without IDLE support it does nothing and polling
 * carries on. A connection the server ends (Exchange does when the token expires) is
 * opened again at once; one that cannot be opened is tried again a minute later.
 */
class MailboxWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

	/** After a connection could not be opened (the server down, no token). */
	private static final Duration RETRY_DELAY = Duration.ofMinutes(1);

	/** After a connection that was idling ended. */
	private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

	private final ImapProperties properties;

	private final Scheduler scheduler;

	private final MailLogin login;

	private volatile boolean running;

	private volatile Store store;

	private Thread thread;

	/** Whether the current connection got as far as idling. */
	private volatile boolean idled;

	MailboxWatcher(ImapProperties properties, Scheduler scheduler, MailLogin login) {
		this.properties = properties;
		this.login = login;
		this.scheduler = scheduler;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::watch, "samla-mailbox-idle");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Store current = this.store;
		if (current != null) {
			try {
				// Closing the connection ends a waiting IDLE.
				current.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing the IDLE connection failed", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void watch() {
		while (this.running) {
			this.idled = false;
			try {
				idleOnce();
			}
			catch (Exception ex) {
				if (!this.running) {
					return;
				}
				if (!this.idled) {
					log.debug("IMAP IDLE could not begin ({}); trying again in {}", ex.toString(), RETRY_DELAY);
					sleep(RETRY_DELAY.toMillis());
					continue;
				}
				// Exchange ends connections (when the token they were opened with
				// expires,
				// after half an hour of idling): connect again at once, so replies are
				// not
				// left to the next poll; the sign-in renews a token the server refuses
				log.debug("IMAP IDLE connection ended ({}); connecting again", ex.toString());
			}
			if (this.running) {
				// never a tight loop against a server that ends every connection at once
				sleep(RECONNECT_PAUSE.toMillis());
			}
		}
	}

	private void idleOnce() throws Exception {
		Properties settings = new Properties();
		String protocol = this.properties.ssl() ? "imaps" : "imap";
		settings.put("mail." + protocol + ".connectiontimeout", "10000");
		Session session = Session.getInstance(this.login.settings(settings, protocol));
		IMAPStore imap = (IMAPStore) session.getStore(protocol);
		// each reconnect asks for the token anew: Exchange ends a connection whose token
		// has expired
		this.login.connect(imap, this.properties.host(), this.properties.port(), this.properties.username(),
				this.properties.password());
		this.store = imap;
		try {
			if (!imap.hasCapability("IDLE")) {
				log.info("The IMAP server does not support IDLE: replies are read every {}",
						this.properties.pollInterval());
				this.running = false;
				return;
			}
			IMAPFolder folder = (IMAPFolder) imap.getFolder(this.properties.folder());
			folder.open(Folder.READ_ONLY);
			this.idled = true;
			while (this.running && folder.isOpen()) {
				folder.idle(true);
				if (this.running) {
					this.scheduler.triggerJob(JobKey.jobKey(MailboxScheduling.JOB));
				}
			}
		}
		finally {
			this.store = null;
			if (imap.isConnected()) {
				imap.close();
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
