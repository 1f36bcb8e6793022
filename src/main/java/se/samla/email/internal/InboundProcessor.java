package se.samla.email.internal;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.samla.answers.Acceptance;
import se.samla.answers.Outcome;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.ReviewedAnswers;
import se.samla.answers.Source;
import se.samla.answers.Step;
import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutState;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.email.AcceptedMail;
import se.samla.email.HeldMail;
import se.samla.email.EmailProperties;
import se.samla.email.internal.EmailRecords.TokenOwner;
import se.samla.email.internal.intake.Addresses;
import se.samla.email.internal.intake.Classification;
import se.samla.email.internal.intake.MailClassifier;
import se.samla.email.internal.intake.ReplyLink;
import se.samla.email.internal.intake.ReturnDate;
import se.samla.email.internal.reading.AnswerMapper;
import se.samla.email.internal.reading.AnswerMapper.AskedQuestion;
import se.samla.email.internal.reading.AnswerMapper.Mapping;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerReader;
import se.samla.surveys.AnswerValue;

/**
 * Decides what an email means and acts on it, once: keeps it raw, tells auto-replies,
 * bounces and system mail from answers, links a reply to its send-out and person by the
 * token, maps the text onto the questions and records it through the response engine with
 * the email's Message-ID as the source (so the same email never counts twice), and
 * answers the person: a confirmation of what was recorded and what is missing, a request
 * to clarify, or a note that the send-out has closed. Never logs a body or an answer.
 */
@Component
public class InboundProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	private final InboundRecords inbound;

	private final EmailRecords email;

	private final ResponseManagement responses;

	private final SendOuts sendOuts;

	private final Directory directory;

	private final ContactRoutes routes;

	private final Replies replies;

	private final EmailProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final AnswerReader reader = new AnswerReader();

	InboundProcessor(InboundRecords inbound, EmailRecords email, ResponseManagement responses, SendOuts sendOuts,
			Directory directory, ContactRoutes routes, Replies replies, EmailProperties properties,
			MessageSource messages, Clock clock) {
		this.inbound = inbound;
		this.email = email;
		this.responses = responses;
		this.sendOuts = sendOuts;
		this.directory = directory;
		this.routes = routes;
		this.replies = replies;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Keeps and processes one raw message; a message kept before is not processed again.
	 */
	public InboundStatus accept(byte[] raw, Long uid) {
		MimeMessage message;
		String messageId;
		try {
			message = RawMail.parse(raw);
			messageId = message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			message = null;
			messageId = null;
		}
		String key = (messageId != null) ? messageId : "sha256:" + sha256(raw);
		Optional<UUID> kept = this.inbound.keep(key, messageId, uid, raw, this.clock.instant());
		if (kept.isEmpty()) {
			// Read before. Kept but never processed means the process stopped in between:
			// process it now (answers are idempotent per source message, replies keep
			// their ids).
			Optional<InboundRecords.InboundRow> earlier = this.inbound.findByKey(key)
				.filter(row -> row.status() == InboundStatus.RECEIVED);
			if (earlier.isEmpty()) {
				return InboundStatus.RECEIVED;
			}
			kept = Optional.of(earlier.get().id());
		}
		UUID id = kept.get();
		if (message == null) {
			this.inbound.outcome(id, InboundStatus.SYSTEM, "not a readable message", null, null, null,
					this.clock.instant());
			return InboundStatus.SYSTEM;
		}
		try {
			Result result = process(message, key);
			this.inbound.outcome(id, result.status(), result.detail(), result.token(),
					(result.owner() != null) ? result.owner().sendOut() : null,
					(result.owner() != null) ? result.owner().person() : null, this.clock.instant());
			if (result.backOn() != null) {
				this.inbound.backOn(id, result.backOn());
			}
			log.info("Email {} -> {} ({})", id, result.status(), result.detail());
			return result.status();
		}
		catch (Exception ex) {
			log.warn("Email {} could not be processed ({}); kept for reprocessing", id, ex.getClass().getSimpleName());
			this.inbound.outcome(id, InboundStatus.FAILED, ex.getClass().getSimpleName(), null, null, null,
					this.clock.instant());
			return InboundStatus.FAILED;
		}
	}

	/**
	 * What Samla would make of a raw message, without changing anything: for the operator
	 * command that explains an {@code .eml} file.
	 */
	public Decision explain(byte[] raw) throws Exception {
		MimeMessage message = RawMail.parse(raw);
		String messageId = message.getMessageID();
		return decide(message, (messageId != null) ? messageId : "sha256:" + sha256(raw), null);
	}

	/**
	 * An operator's decision on an email held for review: record it as the answers of the
	 * given person (to the send-out its token belongs to). Answers the person has already
	 * recorded are kept unless the operator says to replace them; the audit trail names
	 * the operator and the email's sender, and the person gets a confirmation by email
	 * saying who sent it and what was kept.
	 */
	public AcceptedMail acceptFor(UUID inboundId, PersonId personId, String operator, boolean replace)
			throws Exception {
		InboundRecords.InboundRow row = held(inboundId);
		Person person = this.directory.person(personId)
			.orElseThrow(() -> new IllegalArgumentException("no person " + personId.value()));
		MimeMessage message = RawMail.parse(row.raw());
		String sourceId = sourceId(row);
		String sender = sender(message);
		Acceptance acceptance = new Acceptance(operator, sender, replace);
		Decision decision = decide(message, sourceId, person);
		if (decision.status() != InboundStatus.RECORDED) {
			Result result = act(decision, message, sourceId);
			this.inbound.outcome(inboundId, result.status(),
					"accepted for another person by " + acceptance.operator() + ": " + result.detail(), result.token(),
					(result.owner() != null) ? result.owner().sendOut() : null, person.id(), this.clock.instant());
			this.inbound.decide(inboundId, "ACCEPTED", person.id(),
					result.status() + ": " + result.detail() + " (by " + acceptance.operator() + ")",
					this.clock.instant());
			return new AcceptedMail(result.status().name(), List.of(), List.of(), List.of(), null);
		}
		Language language = person.language();
		ResponseState state = this.responses.startOrResume(decision.sendOut().id(), person.id(), Channel.EMAIL);
		Source source = Source.of(Channel.EMAIL, sourceId);
		ReviewedAnswers reviewed = this.responses.acceptReviewed(state.id(), decision.answers(), source, acceptance);
		List<String> problems = new ArrayList<>(decision.problems());
		reviewed.rejected()
			.forEach(rejected -> rejected.problems()
				.forEach(problem -> problems.add(rejected.number() + ": "
						+ this.messages.getMessage(problem.code(), problem.argumentArray(), language.locale()))));
		ResponseState after = reviewed.state();
		if (!after.isSubmitted() && after.isComplete()) {
			this.responses.submit(after.id(), source);
			after = this.responses.state(after.id());
		}
		List<String> lines = new ArrayList<>();
		lines.add(text("email.reply.accepted", language, sender, decision.sendOut().title()));
		if (!reviewed.kept().isEmpty()) {
			lines.add(text("email.reply.accepted.kept", language, numbers(reviewed.kept())));
		}
		if (!reviewed.replaced().isEmpty()) {
			lines.add(text("email.reply.accepted.replaced", language, numbers(reviewed.replaced())));
		}
		lines.addAll(confirmation(after, problems, language));
		boolean confirmed = this.replies.send(person, decision.sendOut(), "confirm/" + sourceId,
				text("email.reply.confirm.subject", language, decision.sendOut().title()), lines, message);
		String summary = String.format("%s by %s: %d recorded, %d replaced, %d kept", decision.status(),
				acceptance.operator(), reviewed.recorded().size(), reviewed.replaced().size(), reviewed.kept().size());
		this.inbound.outcome(inboundId, InboundStatus.RECORDED, "accepted for another person: " + summary,
				decision.token(), decision.owner().sendOut(), person.id(), this.clock.instant());
		this.inbound.decide(inboundId, "ACCEPTED", person.id(), summary, this.clock.instant());
		return new AcceptedMail(InboundStatus.RECORDED.name(), reviewed.recorded(), reviewed.replaced(),
				reviewed.kept(), confirmed ? person.email() : null);
	}

	/**
	 * What a held email would record for the person its token was sent to, question by
	 * question, next to what that person has recorded now. Changes nothing.
	 */
	public Preview preview(UUID inboundId) throws Exception {
		InboundRecords.InboundRow row = held(inboundId);
		MimeMessage message = RawMail.parse(row.raw());
		Person invited = (row.person() != null) ? this.directory.person(row.person()).orElse(null) : null;
		if (invited == null) {
			return new Preview(message, null, List.of());
		}
		Decision decision = decide(message, sourceId(row), invited);
		if (decision.sendOut() == null) {
			return new Preview(message, decision.status(), List.of());
		}
		Language language = invited.language();
		ResponseState now = this.responses.preview(decision.sendOut().id(), invited.id());
		List<HeldMail.Answer> answers = new ArrayList<>();
		for (Step step : now.steps()) {
			AnswerValue proposed = decision.answers().get(step.key());
			String recorded = step.isAnswered() ? AnswerFormatter.format(step.question(), step.answer(), language)
					: step.skipped() ? text("email.reply.skipped", language) : null;
			answers.add(new HeldMail.Answer(step.number(), step.question().text().in(language),
					(proposed != null) ? AnswerFormatter.format(step.question(), proposed, language) : null, recorded));
		}
		return new Preview(message, decision.status(), answers);
	}

	private InboundRecords.InboundRow held(UUID inboundId) {
		return this.inbound.find(inboundId)
			.filter(found -> found.status() == InboundStatus.REVIEW && found.raw() != null)
			.orElseThrow(() -> new IllegalArgumentException("no email held for review with id " + inboundId));
	}

	private static String sourceId(InboundRecords.InboundRow row) {
		return (row.messageId() != null) ? row.messageId() : "sha256:" + sha256(row.raw());
	}

	private static String sender(MimeMessage message) throws jakarta.mail.MessagingException {
		return (message.getFrom() != null && message.getFrom().length > 0
				&& message.getFrom()[0] instanceof InternetAddress address) ? address.getAddress() : "?";
	}

	private static String numbers(List<Integer> numbers) {
		return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	/**
	 * A held email with what it would record.
	 *
	 * @param message the email
	 * @param outcome what accepting it for the invited person would do, or {@code null}
	 * when there is no invited person
	 * @param answers question by question
	 */
	public record Preview(MimeMessage message, InboundStatus outcome, List<HeldMail.Answer> answers) {
	}

	/** An operator's decision to discard an email held for review. */
	public void discard(UUID inboundId) {
		InboundRecords.InboundRow row = this.inbound.find(inboundId)
			.filter(found -> found.status() == InboundStatus.REVIEW)
			.orElseThrow(() -> new IllegalArgumentException("no email held for review with id " + inboundId));
		this.inbound.outcome(row.id(), InboundStatus.DISCARDED, "discarded by an operator", row.token(), row.sendOut(),
				row.person(), this.clock.instant());
		this.inbound.decide(row.id(), "DISCARDED", null, null, this.clock.instant());
	}

	private Result process(MimeMessage message, String sourceId) throws Exception {
		return act(decide(message, sourceId, null), message, sourceId);
	}

	private Result act(Decision decision, MimeMessage message, String sourceId) throws Exception {
		Result result = new Result(decision.status(), decision.detail(), decision.token(), decision.owner(),
				decision.backOn());
		switch (decision.status()) {
			case BOUNCE -> {
				if (decision.owner() != null && decision.detail().startsWith("permanent")) {
					this.routes.markUnreachable(decision.owner().person(), Channel.EMAIL,
							"bounced: " + decision.detail());
				}
			}
			case CLOSED -> this.replies.send(decision.person(), decision.sendOut(), "closed/" + sourceId,
					text("email.reply.closed.subject", decision.person().language(), decision.sendOut().title()),
					List.of(text("email.reply.closed", decision.person().language(), decision.sendOut().title())),
					message);
			case AMBIGUOUS -> {
				// At most one request to clarify per person and send-out a day: never a
				// ping-pong.
				if (!this.email.sentSince(decision.token(), "CLARIFY",
						this.clock.instant().minus(java.time.Duration.ofDays(1)))) {
					this.replies.send(decision.person(), decision.sendOut(), "clarify/" + sourceId, "CLARIFY",
							text("email.reply.clarify.subject", decision.person().language(),
									decision.sendOut().title()),
							List.of(text("email.reply.clarify", decision.person().language()),
									text("email.how-to.2", decision.person().language())),
							message);
				}
			}
			case RECORDED -> record(decision, sourceId, message);
			default -> {
				// kept; nothing to do
			}
		}
		return result;
	}

	private void record(Decision decision, String sourceId, MimeMessage message) throws Exception {
		Person person = decision.person();
		Language language = person.language();
		ResponseState state = this.responses.startOrResume(decision.sendOut().id(), person.id(), Channel.EMAIL);
		List<String> problems = new ArrayList<>(decision.problems());
		for (Map.Entry<se.samla.answers.StepKey, se.samla.surveys.AnswerValue> answer : decision.answers().entrySet()) {
			Outcome outcome = this.responses.answer(state.id(), answer.getKey(), answer.getValue(),
					Source.of(Channel.EMAIL, sourceId));
			if (outcome instanceof Outcome.Rejected rejected) {
				int number = state.step(answer.getKey()).map(Step::number).orElse(0);
				rejected.problems()
					.forEach(problem -> problems.add(number + ": "
							+ this.messages.getMessage(problem.code(), problem.argumentArray(), language.locale())));
			}
		}
		this.routes.markReachable(person.id(), Channel.EMAIL);
		ResponseState after = this.responses.state(state.id());
		if (!after.isSubmitted() && after.isComplete()) {
			this.responses.submit(after.id(), Source.of(Channel.EMAIL, sourceId));
			after = this.responses.state(state.id());
		}
		this.replies.send(person, decision.sendOut(), "confirm/" + sourceId,
				text("email.reply.confirm.subject", language, decision.sendOut().title()),
				confirmation(after, problems, language), message);
	}

	/**
	 * Decides what the email means. {@code onBehalfOf} is the person an operator accepted
	 * a held email for: it replaces the sender check.
	 */
	private Decision decide(MimeMessage message, String sourceId, Person onBehalfOf) throws Exception {
		Addresses addresses = new Addresses(this.properties.replyLocalPart(), this.properties.bounceLocalPart(),
				this.properties.domain());
		Classification classification = MailClassifier.classify(message, addresses);
		if (classification instanceof Classification.AutoReply auto) {
			return outOfOffice(message, addresses, auto);
		}
		if (classification instanceof Classification.Bounce bounce) {
			Optional<TokenOwner> owner = Optional.ofNullable(bounce.token()).flatMap(this.email::owner);
			return new Decision(InboundStatus.BOUNCE,
					(bounce.permanent() ? "permanent " : "temporary ")
							+ ((bounce.status() != null) ? bounce.status() : "(no status code)"),
					bounce.token(), owner.orElse(null), null, null, null, Map.of(), List.of());
		}
		if (!(classification instanceof Classification.Human)) {
			return Decision.of(InboundStatus.SYSTEM, classification.getClass().getSimpleName());
		}
		Optional<ReplyLink.Link> link = ReplyLink.find(message, addresses, this.email::tokenForMessageId);
		Optional<TokenOwner> owner = link.flatMap(found -> this.email.owner(found.token()));
		if (owner.isEmpty()) {
			return Decision.of(InboundStatus.NO_TOKEN, "no valid token");
		}
		String token = link.get().token();
		Person person = (onBehalfOf != null) ? onBehalfOf : this.directory.person(owner.get().person()).orElse(null);
		SendOut sendOut = this.sendOuts.find(owner.get().sendOut()).orElse(null);
		if (person == null || sendOut == null) {
			return new Decision(InboundStatus.NO_TOKEN, "token of an unknown person or send-out", token, owner.get(),
					null, null, null, Map.of(), List.of());
		}
		if (onBehalfOf == null && !ReplyLink.fromMatches(message, person.email())) {
			return new Decision(InboundStatus.REVIEW, "valid token from another sender (via " + link.get().via() + ")",
					token, owner.get(), person, sendOut, null, Map.of(), List.of());
		}
		if (this.sendOuts.state(sendOut) == SendOutState.CLOSED) {
			return new Decision(InboundStatus.CLOSED, "send-out closed", token, owner.get(), person, sendOut, null,
					Map.of(), List.of());
		}
		Language language = person.language();
		ResponseState state = this.responses.preview(sendOut.id(), person.id());
		List<AskedQuestion> asked = state.steps()
			.stream()
			.map(step -> new AskedQuestion(step.number(), step.question().text().in(language), step.isSettled(),
					step.question().required()))
			.toList();
		Mapping mapping = AnswerMapper.map(ReplyBody.extract(message).stripped(), asked);
		if (mapping.outcome() == AnswerMapper.Outcome.AMBIGUOUS || mapping.outcome() == AnswerMapper.Outcome.EMPTY) {
			return new Decision(InboundStatus.AMBIGUOUS, mapping.outcome() + ": " + String.join("; ", mapping.notes()),
					token, owner.get(), person, sendOut, mapping, Map.of(), List.of());
		}
		Map<se.samla.answers.StepKey, se.samla.surveys.AnswerValue> answers = new java.util.LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (Map.Entry<Integer, String> answer : new java.util.TreeMap<>(mapping.answers()).entrySet()) {
			Step step = state.steps().get(answer.getKey() - 1);
			AnswerReader.Result read = this.reader.read(step.question(), answer.getValue(), language);
			if (read instanceof AnswerReader.Understood understood) {
				answers.put(step.key(), understood.value());
			}
			else {
				AnswerReader.NotUnderstood not = (AnswerReader.NotUnderstood) read;
				problems.add(step.number() + ": " + this.messages.getMessage(not.problem().code(),
						not.problem().argumentArray(), language.locale()));
			}
		}
		return new Decision(InboundStatus.RECORDED,
				mapping.outcome() + ", " + answers.size() + " answer(s)"
						+ (problems.isEmpty() ? "" : ", " + problems.size() + " not understood"),
				token, owner.get(), person, sendOut, mapping, answers, problems);
	}

	/**
	 * An auto-reply is never an answer, but whose it is and when they are back tells the
	 * operator why someone has not answered ({@link EmailRecipientFacts}).
	 */
	private Decision outOfOffice(MimeMessage message, Addresses addresses, Classification.AutoReply auto)
			throws Exception {
		Optional<ReplyLink.Link> link = ReplyLink.find(message, addresses, this.email::tokenForMessageId)
			.filter(found -> found.via() != ReplyLink.Via.SUBJECT_TAG);
		Optional<TokenOwner> owner = link.flatMap(found -> this.email.owner(found.token()));
		Optional<LocalDate> back = ReturnDate.stated(message, this.clock.getZone(), LocalDate.now(this.clock));
		String detail = auto.reason() + back.map(day -> EmailRecipientFacts.BACK_ON + day).orElse("");
		return new Decision(InboundStatus.AUTO_REPLY, detail, link.map(ReplyLink.Link::token).orElse(null),
				owner.orElse(null), null, null, null, Map.of(), List.of(), back.orElse(null));
	}

	private List<String> confirmation(ResponseState state, List<String> problems, Language language) {
		List<String> lines = new ArrayList<>();
		lines.add(text(state.isSubmitted() ? "email.reply.confirm.complete" : "email.reply.confirm.partial", language));
		for (Step step : state.steps()) {
			String answer = step.isAnswered() ? AnswerFormatter.format(step.question(), step.answer(), language)
					: text(step.skipped() ? "email.reply.skipped" : "email.reply.missing", language);
			lines.add(step.number() + ". " + step.question().text().in(language) + "\n   "
					+ answer.replace("\n", "\n   "));
		}
		if (!problems.isEmpty()) {
			lines.add(text("email.reply.not-understood", language));
			lines.addAll(problems);
		}
		lines.add(text("email.reply.how-to-change", language));
		return lines;
	}

	private String text(String code, Language language, Object... arguments) {
		return this.messages.getMessage(code, arguments, language.locale());
	}

	private static String sha256(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What an email means, decided without side effects.
	 *
	 * @param status what it is
	 * @param detail why, without answer text
	 * @param token the reply token found, or {@code null}
	 * @param owner the send-out and person the token stands for, or {@code null}
	 * @param person the person, when known
	 * @param sendOut the send-out, when known
	 * @param mapping how the text was mapped onto the questions, when it was
	 * @param answers the typed answers to record, by question
	 * @param problems answers that could not be understood, by question number
	 * @param backOn the day an absence notice says its writer is back, or {@code null}
	 */
	public record Decision(InboundStatus status, String detail, String token, TokenOwner owner, Person person,
			SendOut sendOut, Mapping mapping, Map<se.samla.answers.StepKey, se.samla.surveys.AnswerValue> answers,
			List<String> problems, LocalDate backOn) {

		Decision(InboundStatus status, String detail, String token, TokenOwner owner, Person person, SendOut sendOut,
				Mapping mapping, Map<se.samla.answers.StepKey, se.samla.surveys.AnswerValue> answers,
				List<String> problems) {
			this(status, detail, token, owner, person, sendOut, mapping, answers, problems, null);
		}

		static Decision of(InboundStatus status, String detail) {
			return new Decision(status, detail, null, null, null, null, null, Map.of(), List.of());
		}

	}

	private record Result(InboundStatus status, String detail, String token, TokenOwner owner, LocalDate backOn) {

		Result(InboundStatus status, String detail, String token, TokenOwner owner) {
			this(status, detail, token, owner, null);
		}

		static Result of(InboundStatus status, String detail) {
			return new Result(status, detail, null, null);
		}

	}

}
