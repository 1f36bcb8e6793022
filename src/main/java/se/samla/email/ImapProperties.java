package se.samla.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where replies are read from: an IMAP mailbox (the one {@code enkat+TOKEN@domain}
 * delivers to).
 *
 * @param enabled whether Samla reads replies at all
 * @param host the IMAP server
 * @param port its port (993 for TLS, 143 for plain or STARTTLS)
 * @param ssl whether to connect with TLS
 * @param username the mailbox's user name (Exchange Online: the mailbox address)
 * @param password its password; none when signing in with a token
 * ({@code samla.email.oauth})
 * @param folder the folder replies arrive in
 * @param pollInterval how often the mailbox is read
 * @param retention how long raw messages are kept for audit and reprocessing
 */
@ConfigurationProperties("samla.email.imap")
public record ImapProperties(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
		@DefaultValue("993") int port, @DefaultValue("true") boolean ssl, String username, String password,
		@DefaultValue("INBOX") String folder, @DefaultValue("60s") Duration pollInterval,
		@DefaultValue("90d") Duration retention) {
}
