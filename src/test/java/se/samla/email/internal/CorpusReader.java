package se.samla.email.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import se.samla.email.internal.reading.AnswerMapper;
import se.samla.email.internal.reading.AnswerMapper.AskedQuestion;
import se.samla.email.internal.reading.AnswerMapper.Mapping;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.email.internal.reading.Signer;
import se.samla.shared.Language;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireValidator;

/**
 * Reads a corpus reply as the intake does, for the corpus test and the reading benchmark
 * alike: the step-2 questions in the language the invitation was written in, the writer
 * known by the From header and by the directory details the expectation gives
 * ({@code signer:}), quotes and signatures stripped, the text mapped onto the questions.
 */
final class CorpusReader {

	private final Map<Language, List<AskedQuestion>> askedIn = new EnumMap<>(Language.class);

	CorpusReader() {
		Questionnaire steg2 = new QuestionnaireValidator().load(Path.of("conversations"))
			.stream()
			.filter(q -> q.id().value().equals("steg2"))
			.findFirst()
			.orElseThrow();
		for (Language language : Language.values()) {
			List<AskedQuestion> asked = new ArrayList<>();
			for (int i = 0; i < steg2.questions().size(); i++) {
				asked.add(new AskedQuestion(i + 1, steg2.questions().get(i).text().in(language), false));
			}
			this.askedIn.put(language, List.copyOf(asked));
		}
	}

	/**
	 * @param message the reply
	 * @param expectation its entry in the corpus's expectations ({@code language},
	 * {@code questions}, {@code signer}), or {@code null} for the defaults
	 * @return how the reply maps onto the questions it answers
	 */
	@SuppressWarnings("unchecked")
	Mapping map(MimeMessage message, Map<String, Object> expectation) throws MessagingException, java.io.IOException {
		Map<String, Object> expected = (expectation != null) ? expectation : Map.of();
		List<AskedQuestion> asked = this.askedIn.get(Language.parse((String) expected.get("language")));
		int questions = ((Number) expected.getOrDefault("questions", asked.size())).intValue();
		Map<String, Object> known = (Map<String, Object>) expected.getOrDefault("signer", Map.of());
		Signer signer = Signer.of(message, (String) known.get("name"), (String) known.get("role"),
				(String) known.get("organisation"));
		return AnswerMapper.map(ReplyBody.extract(message).stripped(signer), asked.subList(0, questions));
	}

}
