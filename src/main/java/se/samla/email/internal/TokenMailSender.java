package se.samla.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring Boot's mail sender, signing in with an access token: a
 * {@link JavaMailSenderImpl} holds one fixed password, so every connection it opens (a
 * confirmation, Boot's mail health check) asks {@link MailLogin} instead. Boot builds the
 * sender from {@code spring.mail.*} (host, TLS, SSL bundle) as always; the sender is
 * taken over from it with all its settings, plus XOAUTH2.
 */
class TokenMailSender extends JavaMailSenderImpl {

	private final MailLogin login;

	TokenMailSender(JavaMailSenderImpl configured, MailLogin login) {
		this.login = login;
		setHost(configured.getHost());
		setPort(configured.getPort());
		setUsername(configured.getUsername());
		setPassword(configured.getPassword());
		setProtocol(configured.getProtocol());
		setDefaultEncoding(configured.getDefaultEncoding());
		setDefaultFileTypeMap(configured.getDefaultFileTypeMap());
		setJavaMailProperties(login.settings(configured.getJavaMailProperties(),
				(configured.getProtocol() != null) ? configured.getProtocol() : DEFAULT_PROTOCOL));
	}

	@Override
	protected Transport connectTransport() throws MessagingException {
		Transport transport = getTransport(getSession());
		this.login.connect(transport, getHost(), getPort(), getUsername(), getPassword());
		return transport;
	}

	/**
	 * Replaces Boot's sender by one that signs in with tokens, when mail is configured to
	 * use them; otherwise leaves it as it is.
	 */
	static BeanPostProcessor takingOver(ObjectProvider<MailLogin> login) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean.getClass() == JavaMailSenderImpl.class && login.getObject().usesTokens()) {
					return new TokenMailSender((JavaMailSenderImpl) bean, login.getObject());
				}
				return bean;
			}

		};
	}

}
