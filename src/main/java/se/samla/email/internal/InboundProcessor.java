package se.samla.email.internal;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.samla.answers.Outcome;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.Step;
import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutState;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.email.EmailProperties;
import se.samla.email.internal.EmailRecords.TokenOwner;
import se.samla.email.internal.intake.Addresses;
import se.samla.email.internal.intake.Classification;
import se.samla.email.internal.intake.MailClassifier;
import se.samla.email.internal.intake.ReplyLink;
import se.samla.email.internal.reading.AnswerMapper;
import se.samla.email.internal.reading.AnswerMapper.AskedQuestion;
import se.samla.email.internal.reading.AnswerMapper.Mapping;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerReader;

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
			message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
			messageId = message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			message = null;
			messageId = null;
		}
		String key = (messageId != null) ? messageId : "sha256:" + sha256(raw);
		Optional<UUID> kept = this.inbound.keep(key, messageId, uid, raw, this.clock.instant());
		if (kept.isEmpty()) {
			return InboundStatus.RECEIVED;
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

	private Result process(MimeMessage message, String sourceId) throws Exception {
		Addresses addresses = new Addresses(this.properties.replyLocalPart(), this.properties.bounceLocalPart(),
				this.properties.domain());
		Classification classification = MailClassifier.classify(message, addresses);
		if (classification instanceof Classification.AutoReply auto) {
			return Result.of(InboundStatus.AUTO_REPLY, auto.reason());
		}
		if (classification instanceof Classification.Bounce bounce) {
			return bounce(bounce);
		}
		if (!(classification instanceof Classification.Human)) {
			return Result.of(InboundStatus.SYSTEM, classification.getClass().getSimpleName());
		}
		Optional<ReplyLink.Link> link = ReplyLink.find(message, addresses, this.email::tokenForMessageId);
		Optional<TokenOwner> owner = link.flatMap(found -> this.email.owner(found.token()));
		if (owner.isEmpty()) {
			return Result.of(InboundStatus.NO_TOKEN, "no valid token");
		}
		Person person = this.directory.person(owner.get().person()).orElse(null);
		SendOut sendOut = this.sendOuts.find(owner.get().sendOut()).orElse(null);
		if (person == null || sendOut == null) {
			return new Result(InboundStatus.NO_TOKEN, "token of an unknown person or send-out", link.get().token(),
					owner.get());
		}
		if (!ReplyLink.fromMatches(message, person.email())) {
			return new Result(InboundStatus.REVIEW, "valid token from another sender (via " + link.get().via() + ")",
					link.get().token(), owner.get());
		}
		Language language = person.language();
		if (this.sendOuts.state(sendOut) == SendOutState.CLOSED) {
			this.replies.send(person, sendOut, "closed/" + sourceId,
					text("email.reply.closed.subject", language, sendOut.title()),
					List.of(text("email.reply.closed", language, sendOut.title())), message);
			return new Result(InboundStatus.CLOSED, "send-out closed", link.get().token(), owner.get());
		}
		ResponseState state = this.responses.startOrResume(sendOut.id(), person.id(), Channel.EMAIL);
		List<AskedQuestion> asked = state.steps()
			.stream()
			.map(step -> new AskedQuestion(step.number(), step.question().text().in(language), step.isSettled()))
			.toList();
		Mapping mapping = AnswerMapper.map(ReplyBody.extract(message).stripped(), asked);
		if (mapping.outcome() == AnswerMapper.Outcome.AMBIGUOUS || mapping.outcome() == AnswerMapper.Outcome.EMPTY) {
			this.replies.send(person, sendOut, "clarify/" + sourceId,
					text("email.reply.clarify.subject", language, sendOut.title()),
					List.of(text("email.reply.clarify", language), text("email.how-to.2", language)), message);
			return new Result(InboundStatus.AMBIGUOUS, String.join("; ", mapping.notes()), link.get().token(),
					owner.get());
		}
		List<String> problems = new ArrayList<>();
		for (Map.Entry<Integer, String> answer : mapping.answers().entrySet()) {
			Step step = state.steps().get(answer.getKey() - 1);
			AnswerReader.Result read = this.reader.read(step.question(), answer.getValue(), language);
			if (read instanceof AnswerReader.Understood understood) {
				Outcome outcome = this.responses.answer(state.id(), step.key(), understood.value(),
						Source.of(Channel.EMAIL, sourceId));
				if (outcome instanceof Outcome.Rejected rejected) {
					rejected.problems()
						.forEach(problem -> problems.add(step.number() + ": " + this.messages.getMessage(problem.code(),
								problem.argumentArray(), language.locale())));
				}
			}
			else {
				AnswerReader.NotUnderstood not = (AnswerReader.NotUnderstood) read;
				problems.add(step.number() + ": " + this.messages.getMessage(not.problem().code(),
						not.problem().argumentArray(), language.locale()));
			}
		}
		this.routes.markReachable(person.id(), Channel.EMAIL);
		ResponseState after = this.responses.state(state.id());
		if (!after.isSubmitted() && after.isComplete()) {
			this.responses.submit(after.id(), Source.of(Channel.EMAIL, sourceId));
			after = this.responses.state(state.id());
		}
		this.replies.send(person, sendOut, "confirm/" + sourceId,
				text("email.reply.confirm.subject", language, sendOut.title()), confirmation(after, problems, language),
				message);
		return new Result(InboundStatus.RECORDED,
				mapping.outcome() + ", " + mapping.answers().size() + " answer(s)"
						+ (problems.isEmpty() ? "" : ", " + problems.size() + " not understood"),
				link.get().token(), owner.get());
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

	private Result bounce(Classification.Bounce bounce) {
		Optional<TokenOwner> owner = Optional.ofNullable(bounce.token()).flatMap(this.email::owner);
		if (owner.isPresent() && bounce.permanent()) {
			this.routes.markUnreachable(owner.get().person(), Channel.EMAIL, "bounced: " + bounce.status());
		}
		return new Result(InboundStatus.BOUNCE, (bounce.permanent() ? "permanent " : "temporary ") + bounce.status(),
				bounce.token(), owner.orElse(null));
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

	private record Result(InboundStatus status, String detail, String token, TokenOwner owner) {

		static Result of(InboundStatus status, String detail) {
			return new Result(status, detail, null, null);
		}

	}

}
