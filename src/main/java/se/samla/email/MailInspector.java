package se.samla.email;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Step;
import se.samla.email.internal.InboundProcessor;
import se.samla.email.internal.InboundProcessor.Decision;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;

/**
 * Explains what Samla would do with an email (an {@code .eml} file), changing nothing:
 * for operators checking why a reply was or was not recorded.
 */
@Service
public class MailInspector {

	private final InboundProcessor processor;

	private final ResponseManagement responses;

	MailInspector(InboundProcessor processor, ResponseManagement responses) {
		this.processor = processor;
		this.responses = responses;
	}

	public MailExplanation explain(byte[] raw) throws Exception {
		Decision decision = this.processor.explain(raw);
		List<MailExplanation.Answer> answers = new ArrayList<>();
		if (decision.person() != null && decision.sendOut() != null && !decision.answers().isEmpty()) {
			Language language = decision.person().language();
			ResponseState state = this.responses.preview(decision.sendOut().id(), decision.person().id());
			decision.answers().forEach((key, value) -> {
				Step step = state.step(key).orElseThrow();
				answers.add(new MailExplanation.Answer(step.number(), step.question().text().in(language),
						AnswerFormatter.format(step.question(), value, language)));
			});
		}
		return new MailExplanation(decision.status().name(), decision.detail(), decision.token(),
				(decision.owner() != null) ? decision.owner().sendOut().value() : null,
				(decision.owner() != null) ? decision.owner().person().value().toString() : null,
				(decision.person() != null) ? decision.person().name() : null, answers, decision.problems());
	}

}
