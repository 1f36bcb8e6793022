package se.samla.email.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default's mail server: an in-process SMTP and IMAP server (GreenMail) on
 * localhost, so the run command works with no mail server configured. Every recipient
 * gets a mailbox on first delivery; log in to IMAP with the address as both user name and
 * password. Replies to {@code enkat+TOKEN@...} land in {@code enkat@...}, as with plus
 * addressing on a real server. Never used when a real server is configured.
 */
@Component
@ConditionalOnProperty(name = "samla.email.local-server.enabled", havingValue = "true")
class LocalMailServer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

	private final GreenMail server;

	LocalMailServer(@Value("${samla.email.local-server.smtp-port:3025}") int smtpPort,
			@Value("${samla.email.local-server.imap-port:3143}") int imapPort,
			@Value("${samla.email.imap.username:}") String replyMailbox) {
		this.server = new GreenMail(
				new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
						new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		this.server.getUserManager().setMessageDeliveryHandler(new PlusAddressing(this.server.getUserManager()));
		this.server.start();
		if (!replyMailbox.isBlank()) {
			// the mailbox Samla reads exists from the start, not only once a reply
			// arrives
			this.server.setUser(replyMailbox, replyMailbox, replyMailbox);
		}
		log.info("Local mail server: SMTP localhost:{}, IMAP localhost:{} (user and password: the address)", smtpPort,
				imapPort);
	}

	@Override
	public void destroy() {
		this.server.stop();
	}

}
