package se.samla.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the email channel. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password, STARTTLS/TLS properties).
 *
 * @param enabled whether email is a channel at all (otherwise a logging stand-in is used)
 * @param from the sender address people see, e.g. {@code samla@region.example.org}
 * @param fromName the sender name people see
 * @param domain the domain of the reply and bounce addresses
 * @param replyLocalPart local part of the reply address: {@code enkat+TOKEN@domain}
 * @param bounceLocalPart local part of the envelope sender: {@code bounce+TOKEN@domain}
 */
@ConfigurationProperties("samla.email")
public record EmailProperties(@DefaultValue("false") boolean enabled, @DefaultValue("samla@localhost") String from,
		@DefaultValue("Samla") String fromName, @DefaultValue("localhost") String domain,
		@DefaultValue("enkat") String replyLocalPart, @DefaultValue("bounce") String bounceLocalPart) {

	public String replyAddress(String token) {
		return this.replyLocalPart + "+" + token + "@" + this.domain;
	}

	public String bounceAddress(String token) {
		return this.bounceLocalPart + "+" + token + "@" + this.domain;
	}

}
