package se.samla.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts users see, from the bundles as the application reads them, for tests without
 * Spring.
 */
public final class Bundles {

	private Bundles() {
	}

	/**
	 * {@code messages*.properties}, UTF-8, Swedish by default (never the machine's
	 * locale), as {@code spring.messages} configures them.
	 */
	public static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
