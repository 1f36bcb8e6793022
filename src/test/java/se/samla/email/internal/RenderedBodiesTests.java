package se.samla.email.internal;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.IThrottledTemplateProcessor;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.unbescape.html.HtmlEscape;

import se.samla.email.internal.MailComposer.QuestionLine;
import se.samla.support.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email body rendered once per content and given each recipient's name is the same,
 * byte for byte, as the body rendered for that recipient in full; anything in the model
 * besides the name makes its own body.
 */
class RenderedBodiesTests {

	private static final List<String> NAMES = List.of("Anna", "Åsa", "O'Brien", "Kim & <Lee>", "\"Zoë\"", "Örjan",
			"Anna-Karin");

	private final CountingEngine templates = new CountingEngine(emailTemplates());

	private final RenderedBodies bodies = new RenderedBodies(this.templates);

	@Test
	void eachRecipientsBodyIsExactlyTheFullRenderingWithTheirName() {
		for (String template : List.of("email/message.txt", "email/message")) {
			for (String name : NAMES) {
				Context model = invitation(name, null);
				assertThat(this.bodies.render(template, model, "name", !template.endsWith(".txt")))
					.isEqualTo(this.templates.delegate.process(template, model))
					.contains(template.endsWith(".txt") ? name : HtmlEscape.escapeHtml4Xml(name));
			}
		}
	}

	@Test
	void rendersTheTemplateOnlyForTheFirstRecipientOfTheSameContent() {
		for (int i = 0; i < 100; i++) {
			this.bodies.render("email/message", invitation("Person" + i, null), "name", true);
		}
		// the first in full and with the stand-in, to check the one against the other
		assertThat(this.templates.calls.get()).isEqualTo(2);
	}

	@Test
	void aMessageThatSaysSomethingElseBesidesTheNameIsRenderedForItself() {
		String unanswered = this.bodies.render("email/message.txt", invitation("Anna", null), "name", false);
		String answered = this.bodies.render("email/message.txt", invitation("Anna", "Mer samverkan"), "name", false);
		String english = this.bodies.render("email/message.txt", english(invitation("Anna", null)), "name", false);

		assertThat(answered).isNotEqualTo(unanswered).contains("Mer samverkan");
		assertThat(english)
			.isEqualTo(this.templates.delegate.process("email/message.txt", english(invitation("Anna", null))))
			.contains("Hello Anna");
	}

	@Test
	void aTemplateThatChangesTheNameIsAlwaysRenderedInFull() {
		SpringTemplateEngine strings = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.TEXT);
		strings.setTemplateResolver(resolver);
		RenderedBodies shouting = new RenderedBodies(strings);
		String template = "HEJ [(${#strings.toUpperCase(name)})]!";

		for (String name : List.of("Anna", "Bo")) {
			Context model = new Context(Locale.ROOT);
			model.setVariable("name", name);
			assertThat(shouting.render(template, model, "name", false)).isEqualTo("HEJ " + name.toUpperCase() + "!");
		}
	}

	private static Context invitation(String name, String answered) {
		Context model = new Context(Locale.forLanguageTag("sv"));
		model.setVariable("lang", "sv");
		model.setVariable("subject", "Kartläggning steg 2 – svara senast 18 december 2026");
		model.setVariable("name", name);
		model.setVariable("lead", List.of("Du är inbjuden att svara på Kartläggning steg 2."));
		model.setVariable("questions",
				List.of(new QuestionLine("1", null, "Vad ser ni för mönster i resultatet?", null, answered),
						new QuestionLine("2", "Aktivitet 1", "Hur går det?", "valfri", null)));
		model.setVariable("people", List.of());
		model.setVariable("howTo", List.of("Svara på det här mejlet.", "Skriv frågans nummer före varje svar."));
		return model;
	}

	private static Context english(Context swedish) {
		Context model = new Context(Locale.ENGLISH);
		swedish.getVariableNames().forEach(variable -> model.setVariable(variable, swedish.getVariable(variable)));
		model.setVariable("lang", "en");
		return model;
	}

	private static ITemplateEngine emailTemplates() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateEngineMessageSource(Bundles.messages());
		ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
		text.setPrefix("templates/");
		text.setResolvablePatterns(Set.of("*.txt"));
		text.setTemplateMode(TemplateMode.TEXT);
		text.setCharacterEncoding(StandardCharsets.UTF_8.name());
		text.setCheckExistence(true);
		text.setOrder(1);
		ClassLoaderTemplateResolver html = new ClassLoaderTemplateResolver();
		html.setPrefix("templates/");
		html.setSuffix(".html");
		html.setTemplateMode(TemplateMode.HTML);
		html.setCharacterEncoding(StandardCharsets.UTF_8.name());
		html.setOrder(2);
		engine.setTemplateResolvers(Set.of(text, html));
		return engine;
	}

	/** Counts the renderings that reach the engine. */
	private static final class CountingEngine implements ITemplateEngine {

		final ITemplateEngine delegate;

		final AtomicInteger calls = new AtomicInteger();

		CountingEngine(ITemplateEngine delegate) {
			this.delegate = delegate;
		}

		@Override
		public IEngineConfiguration getConfiguration() {
			return this.delegate.getConfiguration();
		}

		@Override
		public String process(String template, IContext context) {
			this.calls.incrementAndGet();
			return this.delegate.process(template, context);
		}

		@Override
		public String process(String template, Set<String> templateSelectors, IContext context) {
			this.calls.incrementAndGet();
			return this.delegate.process(template, templateSelectors, context);
		}

		@Override
		public String process(TemplateSpec templateSpec, IContext context) {
			this.calls.incrementAndGet();
			return this.delegate.process(templateSpec, context);
		}

		@Override
		public void process(String template, IContext context, Writer writer) {
			this.calls.incrementAndGet();
			this.delegate.process(template, context, writer);
		}

		@Override
		public void process(String template, Set<String> templateSelectors, IContext context, Writer writer) {
			this.calls.incrementAndGet();
			this.delegate.process(template, templateSelectors, context, writer);
		}

		@Override
		public void process(TemplateSpec templateSpec, IContext context, Writer writer) {
			this.calls.incrementAndGet();
			this.delegate.process(templateSpec, context, writer);
		}

		@Override
		public IThrottledTemplateProcessor processThrottled(String template, IContext context) {
			return this.delegate.processThrottled(template, context);
		}

		@Override
		public IThrottledTemplateProcessor processThrottled(String template, Set<String> templateSelectors,
				IContext context) {
			return this.delegate.processThrottled(template, templateSelectors, context);
		}

		@Override
		public IThrottledTemplateProcessor processThrottled(TemplateSpec templateSpec, IContext context) {
			return this.delegate.processThrottled(templateSpec, context);
		}

	}

}
