package se.samla.email.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * Adds a text-mode resolver for {@code templates/**.txt} to Spring Boot's Thymeleaf
 * engine, for the plain-text part of each email (the HTML part uses Boot's own resolver).
 */
@Configuration(proxyBeanMethods = false)
class EmailTemplates {

	@Bean
	ITemplateResolver plainTextTemplates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setResolvablePatterns(Set.of("*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setOrder(1);
		return resolver;
	}

}
