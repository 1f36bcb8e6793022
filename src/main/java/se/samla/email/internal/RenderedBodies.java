package se.samla.email.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.unbescape.html.HtmlEscape;

/**
 * Renders an email template once for all the recipients whose message says the same
 * thing. The invitations of one send-out differ only in the greeting's first name, and
 * Thymeleaf rendering both bodies of every message was a third of a send-out's time
 * (BENCHMARKS.md, "A send-out end to end"). So a body is rendered with a stand-in for the
 * name and kept, and each message gets it with its own name put in. Every other variable
 * of the model is part of what identifies a kept body: a message that differs in anything
 * else (a reminder with answers already given, another language) is rendered anew.
 * <p>
 * A kept body is used only after it was checked against a full rendering: the first
 * message of each content is rendered both ways, and if putting the name in does not give
 * exactly the full rendering (a template that changes the name, or depends on it), that
 * content is always rendered in full.
 */
final class RenderedBodies {

	/** Letters and digits only, so that no escaping changes it. */
	private static final String STAND_IN = "SamlaRecipientName7c1e04b9";

	private static final int KEPT = 64;

	private final ITemplateEngine templates;

	/** A kept body by content; empty where the stand-in cannot be trusted. */
	private final Map<Content, Optional<String>> kept = Collections
		.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Content, Optional<String>> eldest) {
				return size() > KEPT;
			}

		});

	RenderedBodies(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The template rendered with the model.
	 * @param nameVariable the model's variable that differs between recipients
	 * @param html whether the template is HTML (the name is escaped as Thymeleaf escapes
	 * text) or plain text (inserted as it is)
	 */
	String render(String template, Context model, String nameVariable, boolean html) {
		if (!(model.getVariable(nameVariable) instanceof String name) || name.contains(STAND_IN)) {
			return this.templates.process(template, model);
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		for (String variable : model.getVariableNames()) {
			variables.put(variable, variable.equals(nameVariable) ? STAND_IN : model.getVariable(variable));
		}
		Content content = new Content(template, model.getLocale(), variables);
		Optional<String> body = this.kept.get(content);
		if (body != null) {
			return body.map(standIn -> withName(standIn, name, html))
				.orElseGet(() -> this.templates.process(template, model));
		}
		String full = this.templates.process(template, model);
		String standIn = this.templates.process(template, new Context(model.getLocale(), variables));
		this.kept.put(content, withName(standIn, name, html).equals(full) ? Optional.of(standIn) : Optional.empty());
		return full;
	}

	private static String withName(String body, String name, boolean html) {
		return body.replace(STAND_IN, html ? HtmlEscape.escapeHtml4Xml(name) : name);
	}

	/** What a body says apart from the name. */
	private record Content(String template, Locale locale, Map<String, Object> variables) {
	}

}
