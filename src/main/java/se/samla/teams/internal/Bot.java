package se.samla.teams.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

import se.samla.answers.AuditEntry;
import se.samla.answers.Outcome;
import se.samla.answers.PreviousAnswer;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.Step;
import se.samla.answers.StepKey;
import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutState;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerReader;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Option;
import se.samla.surveys.Question;
import se.samla.surveys.QuestionType;
import se.samla.teams.internal.Conversations.Conversation;

/**
 * The conversation: turns one activity from a person into calls on the response engine
 * and answers with the next question, a summary or a short help. The bot is thin on
 * purpose: which question comes next, validation and editing are the engine's.
 * <p>
 * Handling an activity again (after a crash) changes nothing twice: answers carry the
 * activity id as their source, and replies are sent under keys made of the activity and
 * the reply's number.
 */
class Bot {

	private static final Logger log = LoggerFactory.getLogger(Bot.class);

	/** What a conversation's live card asks when it is the summary (not a step key). */
	static final String SUMMARY = "@summary";

	private static final Pattern EDIT = Pattern
		.compile("(?:ändra|andra|change|edit|fråga|fraga|question|gå till|go to)\\s*(\\d+)");

	private final Directory directory;

	private final ResponseManagement responses;

	private final SendOuts sendOuts;

	private final ContactRoutes routes;

	private final Conversations conversations;

	private final Messenger messenger;

	private final MessageSource messages;

	private final ZoneId zone;

	private final Clock clock;

	private final AnswerReader reader = new AnswerReader();

	Bot(Directory directory, ResponseManagement responses, SendOuts sendOuts, ContactRoutes routes,
			Conversations conversations, Messenger messenger, MessageSource messages, ZoneId zone, Clock clock) {
		this.directory = directory;
		this.responses = responses;
		this.sendOuts = sendOuts;
		this.routes = routes;
		this.conversations = conversations;
		this.messenger = messenger;
		this.messages = messages;
		this.zone = zone;
		this.clock = clock;
	}

	TeamsTexts texts(Person person) {
		return new TeamsTexts(this.messages, (person != null) ? person.language() : null, this.zone);
	}

	/**
	 * Handles one activity Teams delivered (kept in the inbox under {@code inboundId}).
	 */
	void handle(String inboundId, Activity activity) throws ConnectorFailure {
		String aad = (activity.getFrom() != null) ? activity.getFrom().getAadObjectId() : null;
		if (aad == null || activity.getConversation() == null) {
			log.info("Teams activity {} has no sender's Entra id; ignored", inboundId);
			return;
		}
		aad = aad.toLowerCase(Locale.ROOT);
		String tenant = tenantOf(activity);
		this.conversations.remember(aad, tenant, activity.getFrom().getId(), activity.getConversation().getId(),
				activity.getServiceUrl(), this.clock.instant());
		Conversation conversation = this.conversations.find(aad).orElseThrow();
		Optional<Person> person = this.directory.personByEntraId(aad);
		Turn turn = new Turn(inboundId, activity, conversation, person.orElse(null), texts(person.orElse(null)));
		String type = activity.getType();
		if (ActivityTypes.INSTALLATION_UPDATE.equals(type) && person.isPresent()) {
			installationChanged(person.get(), activity.getAction());
		}
		if (ActivityTypes.INSTALLATION_UPDATE.equals(type) || ActivityTypes.CONVERSATION_UPDATE.equals(type)) {
			if (isAdded(activity)) {
				turn.say("welcome/" + aad,
						person.isPresent() ? turn.texts.get("teams.welcome") : turn.texts.get("teams.unknown-person"));
			}
			return;
		}
		if (!ActivityTypes.MESSAGE.equals(type) && !isCardAction(activity)) {
			return;
		}
		if (person.isEmpty()) {
			turn.reply(turn.texts.get("teams.unknown-person"));
			return;
		}
		this.routes.markReachable(person.get().id(), Channel.TEAMS);
		JsonNode value = (activity.getValue() != null)
				? com.microsoft.bot.schema.Serialization.objectToTree(activity.getValue()) : null;
		if (value != null && isCardAction(activity)) {
			// Action.Execute: the button's data, merged with the card's inputs
			value = value.path("action").path("data");
		}
		if (value != null && value.hasNonNull("samla")) {
			onCard(turn, value);
		}
		else {
			onText(turn, (activity.getText() != null) ? activity.getText() : "");
		}
	}

	/**
	 * Whether an activity is an {@code Action.Execute} pressed on a card (an invoke
	 * {@code adaptiveCard/action}): it is answered like a card's submit.
	 */
	static boolean isCardAction(Activity activity) {
		return ActivityTypes.INVOKE.equals(activity.getType()) && "adaptiveCard/action".equals(activity.getName());
	}

	/**
	 * What Teams shows the person at once for an {@code Action.Execute}, in their
	 * language, while the answer is worked on.
	 */
	String cardActionReceived(Activity activity) {
		String aad = (activity.getFrom() != null) ? activity.getFrom().getAadObjectId() : null;
		Person person = (aad != null) ? this.directory.personByEntraId(aad.toLowerCase(Locale.ROOT)).orElse(null)
				: null;
		return texts(person).get("teams.card-action-received");
	}

	private void onCard(Turn turn, JsonNode value) throws ConnectorFailure {
		String what = value.get("samla").asText();
		if (isSuperseded(turn) && !what.equals("pause") && !what.equals("continue")) {
			turn.reply(turn.texts.get("teams.card-superseded.reply"));
			return;
		}
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(value.path("sendOut").asText("")));
		if (sendOut.isEmpty()) {
			turn.reply(turn.texts.get("teams.nothing-open"));
			return;
		}
		this.conversations.answering(turn.conversation.aadObjectId(), sendOut.get().id().value());
		ResponseState state = this.responses.startOrResume(sendOut.get().id(), turn.person.id(), Channel.TEAMS);
		Optional<Step> step = Optional.ofNullable(value.path("step").asText(null))
			.map(StepKey::parse)
			.flatMap(state::step);
		switch (what) {
			case "answer" -> {
				if (step.isEmpty()) {
					showNext(turn, sendOut.get(), state, null);
					return;
				}
				AnswerValue answer = fromCard(step.get().question(), value);
				if (answer == null && !step.get().question().required()) {
					record(turn, sendOut.get(), step.get(),
							this.responses.skip(state.id(), step.get().key(), turn.source()), value);
				}
				else if (answer == null) {
					showError(turn, sendOut.get(), step.get(), turn.texts.get("teams.error.required"), value);
				}
				else {
					record(turn, sendOut.get(), step.get(),
							this.responses.answer(state.id(), step.get().key(), answer, turn.source()), value);
				}
			}
			case "skip" -> {
				if (step.isPresent()) {
					record(turn, sendOut.get(), step.get(),
							this.responses.skip(state.id(), step.get().key(), turn.source()), null);
				}
			}
			case "back" -> back(turn, sendOut.get(), state, step.map(Step::key).orElse(state.current()));
			case "pause" -> turn.reply(turn.texts.get("teams.paused"));
			case "continue" -> resume(turn, sendOut.get(), state);
			case "submit" -> submit(turn, sendOut.get(), state);
			case "edit" -> {
				Optional<Step> chosen = Optional.ofNullable(value.path(Cards.EDIT).asText(null))
					.filter(key -> !key.isBlank())
					.map(StepKey::parse)
					.flatMap(state::step);
				if (chosen.isPresent()) {
					ask(turn, sendOut.get(), this.responses.show(state.id(), chosen.get().key()), chosen.get().key(),
							null);
				}
				else {
					showSummary(turn, sendOut.get(), state);
				}
			}
			default -> turn.reply(turn.texts.get("teams.help"));
		}
	}

	private void onText(Turn turn, String typed) throws ConnectorFailure {
		String command = normalise(typed);
		if (command.isEmpty()) {
			turn.reply(turn.texts.get("teams.help"));
			return;
		}
		if (isAny(command, "hjälp", "hjalp", "help", "?", "meny", "menu", "kommandon", "commands")) {
			turn.reply(turn.texts.get("teams.help"));
			return;
		}
		Optional<SendOut> sendOut = currentSendOut(turn);
		if (sendOut.isEmpty()) {
			turn.reply(turn.texts.get("teams.nothing-open"));
			return;
		}
		ResponseState state = this.responses.startOrResume(sendOut.get().id(), turn.person.id(), Channel.TEAMS);
		this.conversations.answering(turn.conversation.aadObjectId(), sendOut.get().id().value());
		Matcher edit = EDIT.matcher(command);
		if (isAny(command, "fortsätt", "fortsatt", "continue", "resume", "starta", "start", "börja", "borja", "hej",
				"hallå", "hello", "hi", "nästa", "next")) {
			resume(turn, sendOut.get(), state);
		}
		else if (isAny(command, "pausa", "paus", "pause", "sluta", "stop", "vänta", "senare", "later")) {
			turn.reply(turn.texts.get("teams.paused"));
		}
		else if (isAny(command, "hoppa över", "hoppa over", "hoppa", "skippa", "skip", "pass")) {
			Optional<Step> current = currentStep(state);
			if (current.isPresent()) {
				record(turn, sendOut.get(), current.get(),
						this.responses.skip(state.id(), current.get().key(), turn.source()), null);
			}
			else {
				showSummary(turn, sendOut.get(), state);
			}
		}
		else if (isAny(command, "tillbaka", "bakåt", "bakat", "back", "previous", "föregående")) {
			back(turn, sendOut.get(), state, currentStep(state).map(Step::key).orElse(null));
		}
		else if (isAny(command, "visa svar", "visa mina svar", "visa", "svar", "sammanfattning", "show answers", "show",
				"summary", "answers", "översikt")) {
			showSummary(turn, sendOut.get(), state);
		}
		else if (isAny(command, "skicka", "skicka in", "klar", "submit", "send", "done")) {
			submit(turn, sendOut.get(), state);
		}
		else if (edit.matches()) {
			int number = Integer.parseInt(edit.group(1));
			Optional<Step> chosen = state.steps().stream().filter(step -> step.number() == number).findFirst();
			if (chosen.isEmpty()) {
				turn.reply(turn.texts.get("teams.no-such-question", number, state.steps().size()));
			}
			else {
				ask(turn, sendOut.get(), this.responses.show(state.id(), chosen.get().key()), chosen.get().key(), null);
			}
		}
		else {
			typedAnswer(turn, sendOut.get(), state, typed);
		}
	}

	private void typedAnswer(Turn turn, SendOut sendOut, ResponseState state, String typed) throws ConnectorFailure {
		if (answeredElsewhere(turn, sendOut, state)) {
			return;
		}
		Optional<Step> current = currentStep(state);
		if (current.isEmpty()) {
			turn.reply(turn.texts.get("teams.not-understood", turn.texts.get("teams.help")));
			return;
		}
		Question question = current.get().question();
		AnswerReader.Result read = this.reader.read(question, typed, turn.texts.language());
		if (read instanceof AnswerReader.Understood understood) {
			record(turn, sendOut, current.get(),
					this.responses.answer(state.id(), current.get().key(), understood.value(), turn.source()), null);
		}
		else {
			AnswerReader.NotUnderstood problem = (AnswerReader.NotUnderstood) read;
			turn.reply(turn.texts.get("teams.not-understood",
					turn.texts.problems(List.of(problem.problem())) + " " + turn.texts.get("teams.help")));
		}
	}

	/** After an answer or a skip: mark the card answered and go on, or show the error. */
	private void record(Turn turn, SendOut sendOut, Step step, Outcome outcome, JsonNode tried)
			throws ConnectorFailure {
		if (outcome instanceof Outcome.Rejected rejected) {
			showError(turn, sendOut, step, turn.texts.problems(rejected.problems()), tried);
			return;
		}
		ResponseState after = (outcome instanceof Outcome.Accepted accepted) ? accepted.state()
				: ((Outcome.AlreadyRecorded) outcome).state();
		Step answered = after.step(step.key()).orElse(step);
		String cardId = cardOf(turn, step.key());
		if (cardId != null) {
			this.messenger.update(turn.conversation, cardId,
					Messenger.card(null, Cards.recorded(sendOut.title(), answered, turn.texts)));
			// answered: it takes no more input, and is not superseded by the next card
			this.conversations.cardShown(turn.conversation.aadObjectId(), null, null);
		}
		showNext(turn, sendOut, after, step.key());
	}

	/**
	 * The question the response engine says is current (after an answer: the next one not
	 * yet settled), or the summary when everything is answered.
	 */
	private void showNext(Turn turn, SendOut sendOut, ResponseState state, StepKey answered) throws ConnectorFailure {
		StepKey next = state.current();
		if (next != null && state.step(next).map(step -> !step.isSettled() || answered == null).orElse(false)) {
			ask(turn, sendOut, state, next, null);
			return;
		}
		Optional<Step> unsettled = state.next();
		if (unsettled.isPresent()) {
			ask(turn, sendOut, this.responses.show(state.id(), unsettled.get().key()), unsettled.get().key(), null);
		}
		else {
			showSummary(turn, sendOut, state);
		}
	}

	private void resume(Turn turn, SendOut sendOut, ResponseState state) throws ConnectorFailure {
		if (answeredElsewhere(turn, sendOut, state)) {
			return;
		}
		StepKey current = state.current();
		if (current != null && state.step(current).isPresent()) {
			ask(turn, sendOut, state, current, null);
			return;
		}
		showNext(turn, sendOut, state, null);
	}

	/**
	 * When the question last shown in the chat was answered meanwhile by another route
	 * (an email reply, the project leads), says so, marks its card answered and goes on
	 * to the next question, so that text typed for the old card is not taken for another
	 * question.
	 */
	private boolean answeredElsewhere(Turn turn, SendOut sendOut, ResponseState state) throws ConnectorFailure {
		Conversation now = this.conversations.find(turn.conversation.aadObjectId()).orElse(turn.conversation);
		if (now.lastCardStep() == null || SUMMARY.equals(now.lastCardStep())
				|| !sendOut.id().value().equals(now.currentSendOut())) {
			return false;
		}
		Optional<Step> shown = state.step(StepKey.parse(now.lastCardStep()));
		if (shown.isEmpty() || !shown.get().isSettled()) {
			return false;
		}
		Channel by = lastChannel(state, shown.get().key());
		if (by == null || by == Channel.TEAMS) {
			return false;
		}
		turn.reply(turn.texts.get("teams.already-answered-elsewhere", shown.get().number(),
				turn.texts.get("teams.channel." + by.name())));
		if (now.lastCardId() != null) {
			this.messenger.update(turn.conversation, now.lastCardId(),
					Messenger.card(null, Cards.recorded(sendOut.title(), shown.get(), turn.texts)));
		}
		this.conversations.cardShown(turn.conversation.aadObjectId(), null, null);
		showNext(turn, sendOut, state, shown.get().key());
		return true;
	}

	private void back(Turn turn, SendOut sendOut, ResponseState state, StepKey from) throws ConnectorFailure {
		Optional<Step> previous = (from != null) ? state.before(from) : state.steps().stream().reduce((a, b) -> b);
		if (previous.isEmpty()) {
			previous = (from != null) ? state.step(from) : Optional.empty();
		}
		if (previous.isEmpty()) {
			showSummary(turn, sendOut, state);
			return;
		}
		ask(turn, sendOut, this.responses.show(state.id(), previous.get().key()), previous.get().key(), null);
	}

	private void submit(Turn turn, SendOut sendOut, ResponseState state) throws ConnectorFailure {
		Outcome outcome = this.responses.submit(state.id(), turn.source());
		if (outcome instanceof Outcome.Rejected rejected) {
			turn.reply(turn.texts.get("teams.submit-missing",
					rejected.problems()
						.stream()
						.map(problem -> String.valueOf(problem.arguments().get(0)))
						.reduce((a, b) -> a + ", " + b)
						.orElse("")));
			Optional<Step> missing = state.next();
			if (missing.isPresent()) {
				ask(turn, sendOut, this.responses.show(state.id(), missing.get().key()), missing.get().key(), null);
			}
			return;
		}
		ResponseState after = (outcome instanceof Outcome.Accepted accepted) ? accepted.state()
				: ((Outcome.AlreadyRecorded) outcome).state();
		String summaryCard = turn.activity.getReplyToId();
		if (summaryCard != null && turn.activity.getValue() != null) {
			// the button is on the summary's last card
			List<ObjectNode> parts = Cards.summary(after, sendOut.title(), turn.texts, true);
			this.messenger.update(turn.conversation, summaryCard, Messenger.card(null, parts.get(parts.size() - 1)));
		}
		// the summary submitted from takes no more input (it shows the final answers)
		this.conversations.cardShown(turn.conversation.aadObjectId(), null, null);
		turn.reply(turn.texts.get("teams.submitted", sendOut.title(), turn.texts.date(sendOut.deadline())));
	}

	private void showSummary(Turn turn, SendOut sendOut, ResponseState state) throws ConnectorFailure {
		Optional<String> last = Optional.empty();
		for (ObjectNode part : Cards.summary(state, sendOut.title(), turn.texts, false)) {
			last = turn.card(null, part);
		}
		// the inputs are on the last part
		if (last.isPresent()) {
			cardShown(turn.conversation, turn.texts, last.get(), SUMMARY);
		}
	}

	private void showError(Turn turn, SendOut sendOut, Step step, String error, JsonNode tried)
			throws ConnectorFailure {
		ObjectNode card = Cards.question(sendOut.id().value(), sendOut.title(), step, turn.texts, previous(step, turn),
				error, tried);
		String cardId = cardOf(turn, step.key());
		if (cardId != null && this.messenger.update(turn.conversation, cardId, Messenger.card(null, card))) {
			return;
		}
		Optional<String> sent = turn.card(null, card);
		if (sent.isPresent()) {
			cardShown(turn.conversation, turn.texts, sent.get(), step.key().toString());
		}
	}

	private void ask(Turn turn, SendOut sendOut, ResponseState state, StepKey key, String intro)
			throws ConnectorFailure {
		Step step = state.step(key).orElseThrow();
		ObjectNode card = Cards.question(sendOut.id().value(), sendOut.title(), step, turn.texts, previous(step, turn),
				null, null);
		Optional<String> sent = turn.card(intro, card);
		if (sent.isPresent()) {
			cardShown(turn.conversation, turn.texts, sent.get(), key.toString());
		}
	}

	/**
	 * A card that takes input was just shown: the one shown before it (after "tillbaka",
	 * "ändra", a reminder) is updated to say it no longer applies, so that only one card
	 * takes input. The update goes through the same limits and retries as a send; done
	 * again after a crash it changes nothing.
	 * @param step the question the card asks, or {@link #SUMMARY}
	 */
	void cardShown(Conversation conversation, TeamsTexts texts, String cardId, String step) {
		Conversation now = this.conversations.find(conversation.aadObjectId()).orElse(conversation);
		String previous = now.lastCardId();
		if (previous != null && !previous.equals(cardId)) {
			this.messenger.update(conversation, previous, Messenger.card(null, Cards.superseded(texts)));
		}
		this.conversations.cardShown(conversation.aadObjectId(), cardId, step);
	}

	/**
	 * Whether the card the person pressed is not the one that takes input now (it was
	 * superseded); a card from before cards were tracked counts as current.
	 */
	private boolean isSuperseded(Turn turn) {
		String pressed = turn.activity.getReplyToId();
		if (pressed == null) {
			return false;
		}
		String live = this.conversations.find(turn.conversation.aadObjectId())
			.map(Conversation::lastCardId)
			.orElse(null);
		return live != null && !live.equals(pressed);
	}

	private String previous(Step step, Turn turn) {
		return this.responses.find(sendOutOf(turn), turn.person.id())
			.flatMap(state -> this.responses.previousAnswer(state.id(), step.key()))
			.map((PreviousAnswer previous) -> AnswerFormatter.format(previous.question(), previous.answer(),
					turn.texts.language()))
			.orElse(null);
	}

	private SendOutId sendOutOf(Turn turn) {
		return this.conversations.find(turn.conversation.aadObjectId())
			.map(Conversation::currentSendOut)
			.map(SendOutId::new)
			.orElse(null);
	}

	/** The card to mark answered: the one the person pressed, else the last one shown. */
	private String cardOf(Turn turn, StepKey step) {
		if (turn.activity.getReplyToId() != null && turn.activity.getValue() != null) {
			return turn.activity.getReplyToId();
		}
		Conversation now = this.conversations.find(turn.conversation.aadObjectId()).orElse(turn.conversation);
		return (now.lastCardId() != null && step.toString().equals(now.lastCardStep())) ? now.lastCardId() : null;
	}

	private Optional<Step> currentStep(ResponseState state) {
		Optional<Step> current = Optional.ofNullable(state.current()).flatMap(state::step);
		return current.isPresent() ? current : state.next();
	}

	private Channel lastChannel(ResponseState state, StepKey step) {
		List<AuditEntry> history = this.responses.history(state.id());
		Channel channel = null;
		for (AuditEntry entry : history) {
			if (step.equals(entry.step())) {
				channel = entry.channel();
			}
		}
		return channel;
	}

	/**
	 * The send-out a typed message is about: the one the person was last asked about if
	 * it is still open, else their open send-out with the nearest deadline.
	 */
	private Optional<SendOut> currentSendOut(Turn turn) {
		Instant now = this.clock.instant();
		Optional<SendOut> current = Optional.ofNullable(turn.conversation.currentSendOut())
			.flatMap(id -> this.sendOuts.find(new SendOutId(id)))
			.filter(sendOut -> sendOut.state(now) == SendOutState.OPEN);
		if (current.isPresent()) {
			return current;
		}
		return this.sendOuts.all()
			.stream()
			.filter(sendOut -> sendOut.state(now) == SendOutState.OPEN)
			.filter(sendOut -> !this.responses.hasSubmitted(sendOut.id(), turn.person.id()))
			.filter(sendOut -> this.sendOuts.recipients(sendOut)
				.stream()
				.anyMatch(person -> person.id().equals(turn.person.id())))
			.min(Comparator.comparing(SendOut::deadline));
	}

	/** An answer from a card's inputs, or {@code null} when nothing was filled in. */
	static AnswerValue fromCard(Question question, JsonNode value) {
		String answer = value.path(Cards.ANSWER).asText("").strip();
		switch (question.type()) {
			case TEXT:
				return answer.isEmpty() ? null : new AnswerValue.TextAnswer(answer);
			case SINGLE_CHOICE:
			case SCALE:
				return answer.isEmpty() ? null : new AnswerValue.ChoiceAnswer(answer);
			case MULTIPLE_CHOICE:
				List<String> ids = new ArrayList<>();
				for (String id : answer.split(",")) {
					if (!id.isBlank()) {
						ids.add(id.strip());
					}
				}
				return ids.isEmpty() ? null : new AnswerValue.ChoicesAnswer(ids);
			case MATRIX:
			default:
				Map<String, Map<String, String>> ratings = new LinkedHashMap<>();
				Map<String, String> comments = new LinkedHashMap<>();
				boolean any = false;
				for (Option row : question.rows()) {
					Map<String, String> cells = new LinkedHashMap<>();
					for (Option period : question.periods()) {
						String level = value.path(Cards.cell(row.id(), period.id())).asText("").strip();
						if (!level.isEmpty()) {
							cells.put(period.id(), level);
							any = true;
						}
					}
					ratings.put(row.id(), cells);
					String comment = value.path(Cards.comment(row.id())).asText("").strip();
					if (!comment.isEmpty()) {
						comments.put(row.id(), comment);
					}
				}
				return any ? new AnswerValue.MatrixAnswer(ratings, comments) : null;
		}
	}

	static String normalise(String typed) {
		String text = typed.replaceAll("<[^>]+>", " ")
			.replace('\u00a0', ' ')
			.strip()
			.toLowerCase(Locale.forLanguageTag("sv"));
		text = text.replaceAll("[.!?]+$", "").replaceAll("\\s+", " ").strip();
		return (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1)
				? text.substring(1, text.length() - 1).strip() : text;
	}

	private static boolean isAny(String command, String... words) {
		for (String word : words) {
			if (command.equals(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The person removed the app (the bot can no longer write to them): the next message
	 * goes by email at once instead of failing first. Adding it back makes Teams a route
	 * again.
	 */
	private void installationChanged(Person person, String action) {
		if (action != null && action.startsWith("remove")) {
			this.routes.markUnreachable(person.id(), Channel.TEAMS, "Teams app removed by the person");
		}
		else if (action == null || action.startsWith("add")) {
			this.routes.markReachable(person.id(), Channel.TEAMS);
		}
	}

	private static boolean isAdded(Activity activity) {
		if (ActivityTypes.INSTALLATION_UPDATE.equals(activity.getType())) {
			return activity.getAction() == null || activity.getAction().startsWith("add");
		}
		List<ChannelAccount> added = activity.getMembersAdded();
		return added != null && added.stream()
			.anyMatch(member -> activity.getRecipient() == null
					|| !activity.getRecipient().getId().equals(member.getId()));
	}

	static String tenantOf(Activity activity) {
		if (activity.getConversation() != null && activity.getConversation().getTenantId() != null) {
			return activity.getConversation().getTenantId();
		}
		Object channelData = activity.getChannelData();
		if (channelData != null) {
			JsonNode tree = com.microsoft.bot.schema.Serialization.objectToTree(channelData);
			String tenant = tree.path("tenant").path("id").asText(null);
			if (tenant != null) {
				return tenant;
			}
		}
		return null;
	}

	/** One activity being answered: replies are numbered so a replay sends none twice. */
	private final class Turn {

		private final String inboundId;

		private final Activity activity;

		private final Conversation conversation;

		private final Person person;

		private final TeamsTexts texts;

		private int replies;

		Turn(String inboundId, Activity activity, Conversation conversation, Person person, TeamsTexts texts) {
			this.inboundId = inboundId;
			this.activity = activity;
			this.conversation = conversation;
			this.person = person;
			this.texts = texts;
		}

		Source source() {
			return Source.of(Channel.TEAMS, this.activity.getId());
		}

		Optional<String> reply(String text) throws ConnectorFailure {
			return Bot.this.messenger.sendOnce(nextKey(), this.conversation, Messenger.text(text));
		}

		void say(String key, String text) throws ConnectorFailure {
			Bot.this.messenger.sendOnce(key, this.conversation, Messenger.text(text));
		}

		Optional<String> card(String text, ObjectNode card) throws ConnectorFailure {
			return Bot.this.messenger.sendOnce(nextKey(), this.conversation, Messenger.card(text, card));
		}

		private String nextKey() {
			this.replies++;
			return "in/" + this.inboundId + "/" + this.replies;
		}

	}

}
