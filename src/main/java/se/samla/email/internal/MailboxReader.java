package se.samla.email.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.email.ImapProperties;

/**
 * Reads new messages from the IMAP mailbox by UID: every message after the last one read,
 * kept (and processed) once, then flagged as seen. The last UID is saved after each
 * message, and the folder's UIDVALIDITY is checked, so nothing is skipped or read twice
 * across restarts; a message read again anyway (a crash between keeping it and saving the
 * UID) is recognised by its key and not processed twice.
 */
class MailboxReader {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	private final ImapProperties properties;

	private final InboundRecords records;

	private final InboundProcessor processor;

	private final MailLogin login;

	MailboxReader(ImapProperties properties, InboundRecords records, InboundProcessor processor, MailLogin login) {
		this.properties = properties;
		this.login = login;
		this.records = records;
		this.processor = processor;
	}

	/** Reads what is new; returns how many messages were read. */
	int read() throws MessagingException, IOException {
		Properties settings = new Properties();
		String protocol = this.properties.ssl() ? "imaps" : "imap";
		settings.put("mail." + protocol + ".connectiontimeout", "10000");
		settings.put("mail." + protocol + ".timeout", "30000");
		Session session = Session.getInstance(this.login.settings(settings, protocol));
		Store store = session.getStore(protocol);
		this.login.connect(store, this.properties.host(), this.properties.port(), this.properties.username(),
				this.properties.password());
		try {
			IMAPFolder folder = (IMAPFolder) store.getFolder(this.properties.folder());
			folder.open(Folder.READ_WRITE);
			try {
				return readNew(folder);
			}
			finally {
				folder.close(false);
			}
		}
		finally {
			store.close();
		}
	}

	private int readNew(IMAPFolder folder) throws MessagingException, IOException {
		long validity = folder.getUIDValidity();
		long lastUid = this.records.imapState(this.properties.folder())
			.filter(state -> state[0] == validity)
			.map(state -> state[1])
			.orElse(0L);
		int read = 0;
		for (Message message : folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID)) {
			long uid = folder.getUID(message);
			// A real server always returns the last message for n:*, even when it is
			// older.
			if (uid <= lastUid) {
				continue;
			}
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			message.writeTo(raw);
			this.processor.accept(raw.toByteArray(), uid);
			message.setFlag(Flags.Flag.SEEN, true);
			this.records.saveImapState(this.properties.folder(), validity, uid);
			read++;
		}
		if (read > 0) {
			log.info("Read {} message(s) from {}", read, this.properties.folder());
		}
		int retried = this.processor.retryFailed();
		if (retried > 0) {
			log.info("Tried {} failed message(s) again", retried);
		}
		int dropped = this.records.dropRawBefore(java.time.Instant.now().minus(this.properties.retention()));
		if (dropped > 0) {
			log.info("Dropped the raw text of {} message(s) older than {}", dropped, this.properties.retention());
		}
		return read;
	}

}
