package se.samla.email.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMTP sender signs in with an access token where mail is configured for one. */
@Configuration(proxyBeanMethods = false)
class MailSenderConfiguration {

	// static, and the login looked up only when the sender is made: a post-processor is
	// made before other beans and must not pull them in early
	@Bean
	static BeanPostProcessor tokenMailSender(ObjectProvider<MailLogin> login) {
		return TokenMailSender.takingOver(login);
	}

}
