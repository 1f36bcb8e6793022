package se.samla.email.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.samla.web.AnswerLinks;
import se.samla.answers.ResponseState;
import se.samla.answers.Step;
import se.samla.answers.StepKey;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerReader;
import se.samla.surveys.Level;
import se.samla.surveys.Option;
import se.samla.surveys.Problem;
import se.samla.surveys.Question;
import se.samla.surveys.QuestionType;

/**
 * How Samla's emails list the questions and say what became of a reply. Invitations,
 * reminders, confirmations and requests to clarify all list a question by its stable
 * label ({@code 1}, {@code 1a}, {@code 2}) with its options numbered, so a number a
 * person writes means the same question and the same option whichever email they answer.
 */
@Component
class ReplyTexts {

	private static final String INDENT = "   ";

	private final MessageSource messages;

	private final AnswerLinks links;

	ReplyTexts(MessageSource messages, AnswerLinks links) {
		this.messages = messages;
		this.links = links;
	}

	/**
	 * One question as an email lists it.
	 *
	 * @param label its stable label
	 * @param item the plan activity it is about, or {@code null}
	 * @param text the question
	 * @param hint how to answer it (optional, options, help), or {@code null}
	 */
	record Listed(String label, String item, String text, String hint) {

		String heading() {
			return this.label + ". " + ((this.item != null) ? this.item + ": " : "") + this.text
					+ ((this.hint != null) ? " (" + this.hint + ")" : "");
		}

	}

	Listed listed(Step step, ResponseState state, Language language) {
		List<String> hints = new ArrayList<>();
		if (step.question().isFollowUp()) {
			parent(step, state).ifPresent((parent) -> hints.add(text("email.follow-up", language, parent.label())));
		}
		if (!step.question().required()) {
			hints.add(text("email.optional", language));
		}
		String choices = hint(step.question(), language);
		if (choices != null) {
			hints.add(choices);
		}
		if (step.question().help() != null) {
			hints.add(step.question().help().in(language));
		}
		return new Listed(step.label(), step.itemLabel(), step.question().text().in(language),
				hints.isEmpty() ? null : String.join("; ", hints));
	}

	/** The question a follow-up follows up, as it is listed in the same response. */
	private static Optional<Step> parent(Step step, ResponseState state) {
		StepKey parentKey = new StepKey(step.question().showIf().questionId(), step.key().itemId());
		return state.step(parentKey);
	}

	/** How to answer a question of the kind: its options numbered, or a matrix line. */
	String hint(Question question, Language language) {
		if (question.type() == QuestionType.SINGLE_CHOICE || question.type() == QuestionType.MULTIPLE_CHOICE
				|| question.type() == QuestionType.SCALE) {
			return text("email.hint.choices", language, AnswerReader.numberedChoices(question, language));
		}
		if (question.type() == QuestionType.MATRIX) {
			String example = question.periods()
				.stream()
				.map(period -> question.scale().levels().get(1).label().in(language).toLowerCase(language.locale()))
				.collect(Collectors.joining(", "));
			Option row = question.rows().get(0);
			return text("email.hint.matrix", language, row.label().in(language), example) + "; "
					+ question.scale()
						.levels()
						.stream()
						.map(Level::label)
						.map(label -> label.in(language))
						.collect(Collectors.joining(", "));
		}
		return null;
	}

	/**
	 * How to answer, for an email that lists the given questions: numbers before answers,
	 * and, when a question has options, options by number or name.
	 */
	List<String> howTo(List<Step> steps, Language language) {
		List<String> lines = new ArrayList<>();
		lines.add(text("email.how-to.1", language));
		lines.add(text("email.how-to.2", language));
		choiceExample(steps, language).ifPresent(lines::add);
		lines.add(text("email.how-to.3", language));
		return lines;
	}

	private Optional<String> choiceExample(List<Step> steps, Language language) {
		return steps.stream()
			.filter((step) -> !step.isSettled())
			.filter((step) -> step.question().type() == QuestionType.SINGLE_CHOICE
					|| step.question().type() == QuestionType.SCALE)
			.findFirst()
			.map((step) -> {
				List<String> labels = (step.question().type() == QuestionType.SCALE)
						? step.question().scale().levels().stream().map((level) -> level.label().in(language)).toList()
						: step.question().options().stream().map((option) -> option.label().in(language)).toList();
				String example = labels.get(Math.min(1, labels.size() - 1));
				return text("email.how-to.choices", language, step.label(), example);
			});
	}

	/**
	 * The confirmation of a recorded reply: per question what this email recorded, what
	 * was recorded before, and what could not be recorded and why, by the question's
	 * stable label; only the questions currently asked (a follow-up appears once its
	 * condition holds, labelled after its question).
	 * @param state the response after recording
	 * @param recordedNow the questions this email recorded
	 * @param notRecorded why this email's answer to a question was not recorded
	 * @param unkept questions whose answer was recorded without the text written after
	 * the option (the question takes no comment)
	 * @param language the person's language
	 * @return the paragraphs of the email
	 */
	List<String> confirmation(ResponseState state, Set<StepKey> recordedNow, Map<StepKey, String> notRecorded,
			Set<StepKey> unkept, Language language) {
		return confirmation(state, recordedNow, notRecorded, unkept, List.of(), language);
	}

	/**
	 * The confirmation, with what it must also say about the email as a whole (an answer
	 * longer than its limit, a body cut at the reading limit).
	 */
	List<String> confirmation(ResponseState state, Set<StepKey> recordedNow, Map<StepKey, String> notRecorded,
			Set<StepKey> unkept, List<String> notes, Language language) {
		List<String> lines = new ArrayList<>();
		String lead;
		if (!notRecorded.isEmpty()) {
			lead = recordedNow.isEmpty() ? "email.reply.confirm.nothing" : "email.reply.confirm.some";
		}
		else {
			lead = state.isSubmitted() ? "email.reply.confirm.complete" : "email.reply.confirm.partial";
		}
		lines.add(text(lead, language));
		for (Step step : state.steps()) {
			boolean listHint = !step.isSettled() || notRecorded.containsKey(step.key());
			Listed listed = listed(step, state, language);
			StringBuilder entry = new StringBuilder(listHint ? listed.heading()
					: new Listed(listed.label(), listed.item(), listed.text(), null).heading());
			if (step.isAnswered()) {
				String answer = AnswerFormatter.format(step.question(), step.answer(), language);
				String code = recordedNow.contains(step.key()) ? "email.reply.recorded-now"
						: "email.reply.recorded-before";
				entry.append('\n').append(indent(text(code, language, answer)));
			}
			else {
				entry.append('\n')
					.append(INDENT)
					.append(text(step.skipped() ? "email.reply.skipped" : "email.reply.missing", language));
			}
			if (notRecorded.containsKey(step.key())) {
				entry.append('\n')
					.append(indent(text("email.reply.not-recorded", language, notRecorded.get(step.key()))));
			}
			if (unkept.contains(step.key())) {
				entry.append('\n').append(indent(text("email.reply.unkept", language)));
			}
			lines.add(entry.toString());
		}
		lines.addAll(notes);
		lines.add(text("email.reply.how-to-change", language));
		return lines;
	}

	/**
	 * A request to clarify a reply that recorded nothing: why, then every question asked
	 * with its options and what is recorded for it so far, then how to answer.
	 * @param state the response as it stands
	 * @param reason why nothing was recorded ({@code email.reason.*}), or {@code null}
	 * @param language the person's language
	 * @return the paragraphs of the email
	 */
	List<String> clarification(ResponseState state, Problem reason, Language language) {
		Problem why = (reason != null) ? reason : Problem.of("email.reason.unsure");
		List<String> lines = new ArrayList<>();
		lines.add(text("email.reply.clarify.because", language, text(why.code(), language, why.argumentArray())));
		lines.add(text("email.reply.clarify.questions", language));
		for (Step step : state.steps()) {
			String recorded = step.isAnswered()
					? text("email.reply.recorded-before", language,
							AnswerFormatter.format(step.question(), step.answer(), language))
					: text(step.skipped() ? "email.reply.skipped" : "email.reply.missing", language);
			lines.add(listed(step, state, language).heading() + "\n" + indent(recorded));
		}
		lines.add(text("email.reply.clarify.how-to", language));
		lines.add(text("email.how-to.2", language));
		choiceExample(state.steps(), language).ifPresent(lines::add);
		lines.add(text("email.web-link", language, this.links.linkFor(state.sendOut(), state.person())));
		return lines;
	}

	/**
	 * To a colleague whose reply to someone else's invitation waits for review.
	 * @param title the send-out's title
	 * @param invited the name of the person the invitation went to
	 * @param language the colleague's language (Swedish unless the directory says)
	 */
	List<String> held(String title, String invited, Language language) {
		return List.of(text("email.reply.held", language, title, invited));
	}

	String text(String code, Language language, Object... arguments) {
		return this.messages.getMessage(code, arguments, language.locale());
	}

	private static String indent(String text) {
		return INDENT + text.replace("\n", "\n" + INDENT);
	}

}
