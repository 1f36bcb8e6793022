package se.samla.email.internal;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import se.samla.answers.StepKey;
import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutState;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Organisation;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.email.AcceptedMail;
import se.samla.email.HeldMail;
import se.samla.email.EmailProperties;
import se.samla.email.internal.EmailRecords.TokenOwner;
import se.samla.email.internal.intake.Addresses;
import se.samla.email.internal.intake.Classification;
import se.samla.email.internal.intake.LenientMessage;
import se.samla.email.internal.intake.MailClassifier;
import se.samla.email.internal.intake.ReplyLink;
import se.samla.email.internal.intake.ReturnDate;
import se.samla.email.internal.reading.AnswerMapper;
import se.samla.email.internal.reading.AnswerMapper.AskedQuestion;
import se.samla.email.internal.reading.AnswerMapper.Mapping;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.email.internal.reading.ReplyText;
import se.samla.email.internal.reading.Signer;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerReader;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.QuestionType;
import se.samla.surveys.Problem;

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

	/** How often a failure that passes is tried before the email goes to review. */
	static final int MAX_ATTEMPTS = 5;

	/** The first wait before trying again; it doubles with every attempt. */
	static final Duration RETRY_AFTER = Duration.ofMinutes(1);

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

	private final ReplyTexts texts;

	InboundProcessor(InboundRecords inbound, EmailRecords email, ResponseManagement responses, SendOuts sendOuts,
			Directory directory, ContactRoutes routes, Replies replies, EmailProperties properties,
			MessageSource messages, Clock clock, ReplyTexts texts) {
		this.texts = texts;
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
		return handle(kept.get(), key, message);
	}

	/**
	 * Processes again the emails whose processing failed for a reason that passes (the
	 * database, the mail server) and whose time to retry has come.
	 * @return how many were tried
	 */
	public int retryFailed() {
		int tried = 0;
		for (InboundRecords.InboundRow row : this.inbound.dueForRetry(this.clock.instant())) {
			MimeMessage message;
			try {
				message = RawMail.parse(row.raw());
			}
			catch (jakarta.mail.MessagingException ex) {
				message = null;
			}
			handle(row.id(), sourceId(row), message);
			tried++;
		}
		return tried;
	}

	private InboundStatus handle(UUID id, String key, MimeMessage message) {
		if (message == null) {
			return notUnderstood(id, key, null, "not a readable message");
		}
		try {
			Result result = process(message, key);
			this.inbound.outcome(id, result.status(), result.detail(), result.token(),
					(result.owner() != null) ? result.owner().sendOut() : null,
					(result.owner() != null) ? result.owner().person() : null, this.clock.instant());
			if (result.notUnderstood()) {
				this.inbound.markNotUnderstood(id);
			}
			if (result.backOn() != null) {
				this.inbound.backOn(id, result.backOn());
			}
			log.info("Email {} -> {} ({})", id, result.status(), result.detail());
			return result.status();
		}
		catch (Exception ex) {
			return failed(id, key, message, ex);
		}
	}

	/**
	 * A failure that passes (the database, the mail server) is tried again later, up to
	 * {@value #MAX_ATTEMPTS} times; any other, or one that keeps failing, makes the email
	 * one that could not be understood: nothing stays failed without someone being told.
	 */
	private InboundStatus failed(UUID id, String key, MimeMessage message, Exception ex) {
		String reason = (ex instanceof UnreadableMailException) ? ex.getMessage() : ex.getClass().getSimpleName();
		boolean passing = Failures.isTransient(ex);
		int attempts;
		try {
			attempts = this.inbound.attempts(id) + 1;
			if (passing && attempts < MAX_ATTEMPTS) {
				Instant retryAt = this.clock.instant().plus(RETRY_AFTER.multipliedBy(1L << (attempts - 1)));
				this.inbound.failed(id, reason + " (attempt " + attempts + ", tried again after " + retryAt + ")",
						attempts, retryAt, this.clock.instant());
				log.warn("Email {} could not be processed ({}); tried again from {}", id, reason, retryAt);
				return InboundStatus.FAILED;
			}
		}
		catch (RuntimeException stillFailing) {
			// the database itself is away: the row stays as it was (RECEIVED), and is
			// processed when the email is read again or on the next retry
			log.warn("Email {} could not be processed ({}) nor its failure recorded ({})", id, reason,
					stillFailing.getClass().getSimpleName());
			return InboundStatus.FAILED;
		}
		log.warn("Email {} could not be processed ({}, attempt {}); held for review", id, reason, attempts);
		return notUnderstood(id, key, message, (passing ? "failed " + attempts + " times (" + reason + ")"
				: "could not be processed (" + reason + ")"));
	}

	/**
	 * An email Samla could not make sense of: it waits in review with the reason, the
	 * person (when its token or sender tells who) is asked to answer again, and their
	 * status says they replied and were not understood.
	 */
	private InboundStatus notUnderstood(UUID id, String key, MimeMessage message, String reason) {
		TokenOwner owner = null;
		String token = null;
		if (message != null) {
			try {
				Addresses addresses = new Addresses(this.properties.replyLocalPart(), this.properties.bounceLocalPart(),
						this.properties.domain());
				Optional<ReplyLink.Link> link = ReplyLink.find(message, addresses, this.email::tokenForMessageId);
				owner = link.flatMap(found -> this.email.owner(found.token())).orElse(null);
				token = (owner != null) ? link.get().token() : null;
				if (owner == null) {
					String sender = sender(message);
					Optional<Person> bySender = this.directory.personByEmail(sender);
					owner = bySender.flatMap(found -> this.email.latestOwner(found.id())).orElse(null);
				}
			}
			catch (Exception ex) {
				// who sent it cannot be told either: it waits for an operator all the
				// same
			}
		}
		Person person = (owner != null) ? this.directory.person(owner.person()).orElse(null) : null;
		SendOut sendOut = (owner != null) ? this.sendOuts.find(owner.sendOut()).orElse(null) : null;
		this.inbound.outcome(id, InboundStatus.REVIEW, "not understood: " + reason, token,
				(owner != null) ? owner.sendOut() : null, (owner != null) ? owner.person() : null,
				this.clock.instant());
		this.inbound.markNotUnderstood(id);
		if (person != null && sendOut != null && message != null) {
			try {
				String to = (token != null) ? token
						: this.email.tokenFor(sendOut.id(), person.id(), this.clock.instant());
				if (!sentToday(to, "CLARIFY")) {
					this.replies.send(person, sendOut, "unreadable/" + key, "CLARIFY",
							text("email.reply.clarify.subject", person.language(), sendOut.title()),
							List.of(text("email.reply.unreadable", person.language()),
									text("email.how-to.2", person.language())),
							message);
				}
			}
			catch (Exception ex) {
				log.warn("Email {} is held for review; the request to answer again could not be sent ({})", id,
						ex.getClass().getSimpleName());
			}
		}
		return InboundStatus.REVIEW;
	}

	/**
	 * What Samla would make of a raw message, without changing anything: for the operator
	 * command that explains an {@code .eml} file.
	 */
	public Decision explain(byte[] raw) throws Exception {
		MimeMessage message = RawMail.parse(raw);
		String messageId = message.getMessageID();
		try {
			return decide(message, (messageId != null) ? messageId : "sha256:" + sha256(raw), null);
		}
		catch (UnreadableMailException ex) {
			return Decision.of(InboundStatus.REVIEW, "not understood: " + ex.getMessage());
		}
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
		Decision decision;
		try {
			decision = decide(message, sourceId, person);
		}
		catch (UnreadableMailException ex) {
			throw new IllegalArgumentException("the email " + inboundId + " cannot be read (" + ex.getMessage()
					+ "): nothing in it can be recorded; discard it once the person has answered again");
		}
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
		Map<StepKey, String> notRecorded = new LinkedHashMap<>(decision.notRecorded());
		reviewed.rejected()
			.forEach(rejected -> state.steps()
				.stream()
				.filter(step -> step.number() == rejected.number())
				.findFirst()
				.ifPresent(step -> notRecorded.merge(step.key(), problemTexts(rejected.problems(), language),
						(first, second) -> first + " " + second)));
		ResponseState after = reviewed.state();
		if (!after.isSubmitted() && after.isComplete()) {
			this.responses.submit(after.id(), source);
			after = this.responses.state(after.id());
		}
		List<String> lines = new ArrayList<>();
		lines.add(text("email.reply.accepted", language, sender, decision.sendOut().title()));
		if (!reviewed.kept().isEmpty()) {
			lines.add(text("email.reply.accepted.kept", language, labels(state, reviewed.kept())));
		}
		if (!reviewed.replaced().isEmpty()) {
			lines.add(text("email.reply.accepted.replaced", language, labels(state, reviewed.replaced())));
		}
		Set<StepKey> recordedNow = new HashSet<>(decision.answers().keySet());
		recordedNow.removeAll(notRecorded.keySet());
		after.steps()
			.stream()
			.filter(step -> reviewed.kept().contains(step.number()))
			.forEach(step -> recordedNow.remove(step.key()));
		lines.addAll(this.texts.confirmation(after, recordedNow, notRecorded, decision.unkept(), language));
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

	/** The stable labels of the questions at these places of the response. */
	private static String labels(ResponseState state, List<Integer> numbers) {
		return numbers.stream()
			.map(number -> state.steps()
				.stream()
				.filter(step -> step.number() == number)
				.findFirst()
				.map(Step::label)
				.orElse(String.valueOf(number)))
			.collect(Collectors.joining(", "));
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
		boolean nothingRecorded = false;
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
				if (!sentToday(decision.token(), "CLARIFY")) {
					Language language = decision.person().language();
					ResponseState state = this.responses.preview(decision.sendOut().id(), decision.person().id());
					this.replies.send(decision.person(), decision.sendOut(), "clarify/" + sourceId, "CLARIFY",
							text("email.reply.clarify.subject", language, decision.sendOut().title()),
							this.texts.clarification(state,
									(decision.mapping() != null) ? decision.mapping().reason() : null, language),
							message);
				}
			}
			case REVIEW -> tellHeld(decision, message, sourceId);
			case RECORDED -> nothingRecorded = record(decision, sourceId, message) == 0;
			default -> {
				// kept; nothing to do
			}
		}
		return new Result(decision.status(), decision.detail(), decision.token(), decision.owner(), nothingRecorded,
				decision.backOn());
	}

	/**
	 * @return how many answers were recorded
	 */
	private int record(Decision decision, String sourceId, MimeMessage message) throws Exception {
		Person person = decision.person();
		Language language = person.language();
		ResponseState state = this.responses.startOrResume(decision.sendOut().id(), person.id(), Channel.EMAIL);
		Map<StepKey, String> notRecorded = new LinkedHashMap<>(decision.notRecorded());
		Set<StepKey> recordedNow = new HashSet<>();
		for (Map.Entry<StepKey, AnswerValue> answer : decision.answers().entrySet()) {
			Outcome outcome = this.responses.answer(state.id(), answer.getKey(), answer.getValue(),
					Source.of(Channel.EMAIL, sourceId));
			if (outcome instanceof Outcome.Rejected rejected) {
				notRecorded.put(answer.getKey(), problemTexts(rejected.problems(), language));
			}
			else {
				recordedNow.add(answer.getKey());
			}
		}
		this.routes.markReachable(person.id(), Channel.EMAIL);
		ResponseState after = this.responses.state(state.id());
		if (!after.isSubmitted() && after.isComplete()) {
			this.responses.submit(after.id(), Source.of(Channel.EMAIL, sourceId));
			after = this.responses.state(state.id());
		}
		String subject = (recordedNow.isEmpty() && !notRecorded.isEmpty()) ? "email.reply.clarify.subject"
				: "email.reply.confirm.subject";
		this.replies.send(person, decision.sendOut(), "confirm/" + sourceId,
				text(subject, language, decision.sendOut().title()),
				this.texts.confirmation(after, recordedNow, notRecorded, decision.unkept(), decision.notes(), language),
				message);
		return recordedNow.size();
	}

	/**
	 * Tells whoever sent a reply that is held for review (a colleague answering on a
	 * forwarded invitation) that it waits for the project leads: in their language when
	 * the directory knows them, else Swedish. Once a day per invitation at most, and
	 * never to an address Samla sends from.
	 */
	private void tellHeld(Decision decision, MimeMessage message, String sourceId) throws Exception {
		String sender = sender(message);
		if (decision.person() == null || decision.sendOut() == null || "?".equals(sender)
				|| sender.equalsIgnoreCase(this.properties.from()) || sentToday(decision.token(), "HELD")) {
			return;
		}
		Language language = this.directory.personByEmail(sender).map(Person::language).orElse(Language.SV);
		InternetAddress to = new InternetAddress(sender);
		this.replies.sendTo(to, decision.person(), decision.sendOut(), "held/" + sourceId, "HELD",
				text("email.reply.held.subject", language, decision.sendOut().title()),
				this.texts.held(decision.sendOut().title(), decision.person().name(), language), message);
	}

	private String problemTexts(List<Problem> problems, Language language) {
		return problems.stream()
			.map(problem -> this.messages.getMessage(problem.code(), problem.argumentArray(), language.locale()))
			.collect(Collectors.joining(" "));
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
					step.question().required(), step.label()))
			.toList();
		ReplyText body = ReplyBody.extract(message);
		String repair = LenientMessage.repair(message);
		if (LenientMessage.RAW_TEXT.equals(repair) || (repair != null && body.text().isBlank())) {
			// Broken beyond repair: never guess answers out of raw MIME
			throw new UnreadableMailException(LenientMessage.RAW_TEXT.equals(repair)
					? "its MIME structure is unreadable" : "its MIME is broken and no text could be read from it");
		}
		Mapping mapping = AnswerMapper.map(body.stripped(signer(message, person)), asked);
		if (mapping.outcome() == AnswerMapper.Outcome.AMBIGUOUS || mapping.outcome() == AnswerMapper.Outcome.EMPTY) {
			return new Decision(InboundStatus.AMBIGUOUS, mapping.outcome() + ": " + String.join("; ", mapping.notes()),
					token, owner.get(), person, sendOut, mapping, Map.of(), List.of());
		}
		Map<StepKey, AnswerValue> answers = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		if (body.cut()) {
			notes.add(text("email.reply.body-cut", language,
					String.format(language.locale(), "%,d", ReplyBody.MAX_CHARS)));
		}
		Map<StepKey, String> notRecorded = new LinkedHashMap<>();
		Set<StepKey> unkept = new HashSet<>();
		for (Map.Entry<Integer, String> answer : new TreeMap<>(mapping.answers()).entrySet()) {
			Step step = state.steps().get(answer.getKey() - 1);
			String written = (step.question().type() == QuestionType.TEXT)
					? withinLimit(step, answer.getValue().strip(), notes, language) : answer.getValue();
			AnswerReader.Result read = this.reader.read(step.question(), written, language);
			if (read instanceof AnswerReader.Understood understood) {
				answers.put(step.key(), understood.value());
				if (understood.unkept() != null) {
					unkept.add(step.key());
				}
			}
			else {
				AnswerReader.NotUnderstood not = (AnswerReader.NotUnderstood) read;
				String why = problemTexts(List.of(not.problem()), language);
				problems.add(step.label() + ": " + why);
				notRecorded.put(step.key(), why);
			}
		}
		return new Decision(InboundStatus.RECORDED,
				mapping.outcome() + ", " + answers.size() + " answer(s)"
						+ (problems.isEmpty() ? "" : ", " + problems.size() + " not understood"),
				token, owner.get(), person, sendOut, mapping, answers, problems, notes, notRecorded, unkept, null);
	}

	/**
	 * A text answer longer than its question allows is recorded up to the limit, never
	 * dropped; the confirmation says so, and the whole text stays with the kept email.
	 */
	private String withinLimit(Step step, String answer, List<String> notes, Language language) {
		int limit = step.question().maxLength();
		if (answer.length() <= limit) {
			return answer;
		}
		notes.add(text("email.reply.answer-cut", language, step.number(),
				String.format(language.locale(), "%,d", answer.length()),
				String.format(language.locale(), "%,d", limit)));
		int end = limit;
		if (Character.isHighSurrogate(answer.charAt(end - 1))) {
			end--;
		}
		return answer.substring(0, end);
	}

	/**
	 * The person as they may sign: their name, role and organisation at the end of a
	 * reply are a signature, never part of an answer.
	 */
	private Signer signer(MimeMessage message, Person person) {
		String organisation = this.directory.organisation(person.organisation()).map(Organisation::name).orElse(null);
		return Signer.of(message, person.name(), person.role(), organisation);
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

	/**
	 * Whether a reply of the kind already went to the token's person within a day: at
	 * most one a day, so that an unclear exchange never becomes a ping-pong.
	 */
	private boolean sentToday(String token, String kind) {
		return this.email.sentSince(token, kind, this.clock.instant().minus(Duration.ofDays(1)));
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
	 * @param problems answers that could not be understood, by question label
	 * @param notes what the confirmation must also say, e.g. that an answer was longer
	 * than its limit
	 * @param notRecorded why an answer could not be understood, by question, for the
	 * person
	 * @param unkept questions whose answer drops the text written after the option (the
	 * question takes no comment)
	 * @param backOn the day an absence notice says its writer is back, or {@code null}
	 */
	public record Decision(InboundStatus status, String detail, String token, TokenOwner owner, Person person,
			SendOut sendOut, Mapping mapping, Map<StepKey, AnswerValue> answers, List<String> problems,
			List<String> notes, Map<StepKey, String> notRecorded, Set<StepKey> unkept, LocalDate backOn) {

		public Decision {
			notes = (notes != null) ? List.copyOf(notes) : List.of();
			notRecorded = (notRecorded != null) ? Map.copyOf(notRecorded) : Map.of();
			unkept = (unkept != null) ? Set.copyOf(unkept) : Set.of();
		}

		Decision(InboundStatus status, String detail, String token, TokenOwner owner, Person person, SendOut sendOut,
				Mapping mapping, Map<StepKey, AnswerValue> answers, List<String> problems, LocalDate backOn) {
			this(status, detail, token, owner, person, sendOut, mapping, answers, problems, List.of(), Map.of(),
					Set.of(), backOn);
		}

		Decision(InboundStatus status, String detail, String token, TokenOwner owner, Person person, SendOut sendOut,
				Mapping mapping, Map<StepKey, AnswerValue> answers, List<String> problems) {
			this(status, detail, token, owner, person, sendOut, mapping, answers, problems, List.of(), Map.of(),
					Set.of(), null);
		}

		static Decision of(InboundStatus status, String detail) {
			return new Decision(status, detail, null, null, null, null, null, Map.of(), List.of());
		}

	}

	/** An email that nothing can read: it goes to a person at once. */
	static final class UnreadableMailException extends Exception {

		UnreadableMailException(String reason) {
			super(reason);
		}

	}

	/**
	 * @param notUnderstood whether a reply recorded nothing of what the person wrote
	 * @param backOn the day an absence notice says its writer is back, or {@code null}
	 */
	private record Result(InboundStatus status, String detail, String token, TokenOwner owner, boolean notUnderstood,
			LocalDate backOn) {

	}

}
