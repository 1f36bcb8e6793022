package se.samla.teams.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Step;
import se.samla.campaigns.Delivery;
import se.samla.campaigns.MessageChannel;
import se.samla.campaigns.MessageContent;
import se.samla.campaigns.MessageKind;
import se.samla.campaigns.OutgoingMessage;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.teams.TeamsProperties;
import se.samla.teams.internal.ConnectorFailure.Kind;
import se.samla.teams.internal.Conversations.Conversation;
import se.samla.web.AnswerLinks;

/**
 * Invitations and reminders in Teams: the bot opens the person's chat (the one Teams told
 * us about, or a new one made with the tenant and the person's Entra id) and asks the
 * first unanswered question, saying what the send-out is and its deadline. Each outbox
 * message is sent at most once (its key is booked before sending). A 403 (the app blocked
 * or uninstalled) makes the person unreachable in Teams, so the dispatcher hands the
 * message to email; so does a tenant where the bot has no registration, or one whose
 * token is refused (for now: the person's route is not marked broken). Before the first
 * chat with a person, Samla's app is installed for them where their tenant allows it; if
 * that fails they are reached by email, with the reason, and it is tried again for a
 * later message ({@link AppInstaller}).
 */
class TeamsChannel implements MessageChannel {

	private static final Logger log = LoggerFactory.getLogger(TeamsChannel.class);

	private final TeamsProperties properties;

	private final Messenger messenger;

	private final Conversations conversations;

	private final ResponseManagement responses;

	private final Directory directory;

	private final Bot bot;

	private final Clock clock;

	private final AppInstaller installer;

	private final AnswerLinks links;

	private final TenantProblems problems;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	TeamsChannel(TeamsProperties properties, Messenger messenger, Conversations conversations,
			ResponseManagement responses, Directory directory, Bot bot, Clock clock, AppInstaller installer,
			TenantProblems problems, AnswerLinks links) {
		this.links = links;
		this.installer = installer;
		this.problems = problems;
		this.properties = properties;
		this.messenger = messenger;
		this.conversations = conversations;
		this.responses = responses;
		this.directory = directory;
		this.bot = bot;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.TEAMS;
	}

	@Override
	public boolean canReach(Person person) {
		return person.teams() != null;
	}

	/** Teams' limits are per app and tenant: each tenant is a lane of its own. */
	@Override
	public String lane(Person person) {
		return (person.teams() != null) ? person.teams().tenantId() : "";
	}

	@Override
	public Delivery deliver(OutgoingMessage message) {
		Person person = message.recipient();
		if (person.teams() == null) {
			return new Delivery.Unreachable("no Teams identity");
		}
		String tenant = person.teams().tenantId();
		try {
			this.messenger.connector().registration(tenant);
		}
		catch (ConnectorFailure none) {
			String reason = "no Teams registration for tenant " + tenant + " (organisation "
					+ person.organisation().value() + ")";
			if (this.warned.add(tenant)) {
				log.warn("Teams: {}; its people get email (said once per tenant)", reason);
			}
			this.problems.record(tenant, TenantProblems.Kind.NO_REGISTRATION, reason);
			return Delivery.Unreachable.forNow(reason);
		}
		if (this.conversations.find(person.teams().entraObjectId()).isEmpty()) {
			// no chat yet: the bot can open one only if the person has the app
			// not installed: email for this message, without marking the person's Teams
			// route broken, as the installation is asked again for a later one
			Optional<AppInstaller.NotInstalled> notInstalled = this.installer.install(person);
			if (notInstalled.isPresent()) {
				return Delivery.Unreachable.forNow(notInstalled.get().reason());
			}
		}
		try {
			Conversation conversation = conversationWith(person);
			TeamsTexts texts = this.bot.texts(person);
			String deadline = texts.date(message.sendOut().deadline());
			Optional<String> sent;
			Step asked = null;
			boolean summary = false;
			if (message.kind() == MessageKind.INVITATION || message.kind() == MessageKind.REMINDER) {
				ResponseState state = this.responses.find(message.sendOut().id(), person.id())
					.orElseGet(() -> this.responses.preview(message.sendOut().id(), person.id()));
				String intro = texts.get("teams.intro." + message.kind().name(), firstName(person),
						message.sendOut().title(), deadline, state.steps().size());
				Optional<Step> next = state.next();
				List<ObjectNode> cards = next.isPresent()
						? List.of(Cards.question(message.sendOut().id().value(), message.sendOut().title(), next.get(),
								texts, null, null, null))
						: Cards.summary(state, message.sendOut().title(), texts, false);
				asked = next.orElse(null);
				summary = next.isEmpty();
				// the first card also opens the person's own answer pages in the browser
				Cards.withWebLink(cards.get(0), texts.get("teams.action.web"),
						this.links.linkFor(message.sendOut().id(), person.id()));
				sent = this.messenger.sendOnce(message.key().value(), conversation,
						Messenger.card(intro, cards.get(0)));
				for (int part = 1; part < cards.size(); part++) {
					// a summary too long for one card: the rest under keys of their own
					sent = this.messenger.sendOnce(message.key().value() + "/" + (part + 1), conversation,
							Messenger.card(null, cards.get(part)));
				}
				this.conversations.answering(conversation.aadObjectId(), message.sendOut().id().value());
			}
			else if (message.content() != null) {
				// a message written elsewhere (a digest): its headline as a card, the
				// whole of it goes by email
				MessageContent content = message.content();
				sent = this.messenger.sendOnce(message.key().value(), conversation, (content.headline() != null)
						? Messenger.card(null, Cards.headline(content.headline())) : Messenger.text(content.subject()));
			}
			else {
				sent = this.messenger.sendOnce(message.key().value(), conversation,
						Messenger.text(texts.get("teams.intro." + message.kind().name(), message.sendOut().title(),
								(message.kind() == MessageKind.NO_ROUTE) ? names(message.missing()) : deadline,
								names(message.missing()))));
			}
			if (asked != null && sent.isPresent()) {
				this.bot.cardShown(conversation, texts, sent.get(), asked.key().toString());
			}
			else if (summary && sent.isPresent()) {
				this.bot.cardShown(conversation, texts, sent.get(), Bot.SUMMARY);
			}
			return new Delivery.Sent(sent.orElse("(sent before)"));
		}
		catch (ConnectorFailure failure) {
			if (failure.kind() == Kind.UNAUTHORISED) {
				// logged and shown to operators where it happened; the person gets email
				return Delivery.Unreachable.forNow(failure.getMessage());
			}
			if (failure.kind() == Kind.BLOCKED) {
				return new Delivery.Unreachable("Teams app blocked or uninstalled (" + failure.getMessage() + ")");
			}
			if (failure.kind() == Kind.UNCERTAIN) {
				// it may have arrived: count it as sent rather than risk sending it twice
				return new Delivery.Sent("(uncertain: " + failure.getMessage() + ")");
			}
			return new Delivery.Failed(failure.getMessage());
		}
	}

	/** The person's chat: the one Teams told us about, else a new one. */
	private Conversation conversationWith(Person person) throws ConnectorFailure {
		String aad = person.teams().entraObjectId();
		Optional<Conversation> known = this.conversations.find(aad);
		if (known.isPresent()) {
			return known.get();
		}
		String tenant = person.teams().tenantId();
		String serviceUrl = this.properties.serviceUrl();
		String conversationId;
		try {
			conversationId = this.messenger.connector().createConversation(serviceUrl, tenant, aad);
		}
		catch (ConnectorFailure failure) {
			// opening a chat is safe to repeat (Teams returns the same chat): never
			// "uncertain"
			throw (failure.kind() == Kind.UNCERTAIN)
					? new ConnectorFailure(Kind.UNAVAILABLE, failure.status(), failure.getMessage()) : failure;
		}
		this.conversations.remember(aad, tenant, null, conversationId, serviceUrl, this.clock.instant());
		return this.conversations.find(aad).orElseThrow();
	}

	private String names(List<PersonId> people) {
		return people.stream()
			.map(id -> this.directory.person(id).map(Person::name).orElse(id.value().toString()))
			.collect(Collectors.joining(", "));
	}

	private static String firstName(Person person) {
		String[] parts = person.name().split("\\s+");
		return parts[0];
	}

}
