package se.samla.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Inbound activities as Teams sends them for a 1:1 (personal) chat with the bot, as JSON
 * strings to post to {@code /api/messages}. Immutable: the {@code in...}/{@code with...}
 * methods return a copy.
 */
public final class TeamsActivities {

	public static final String BOT_ID = "28:" + FakeMicrosoft.APP_ID;

	public static final String BOT_NAME = "Samla";

	/** The user's display name unless {@link #named} says otherwise. */
	public static final String USER_NAME = "Teams User";

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Always with fractional seconds: SDK 4.14.3 fails to parse a timestamp without them
	 * (and reads {@code .123} as 123 nanoseconds).
	 */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX");

	private static final DateTimeFormatter LOCAL_TIMESTAMP = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	private final String userId;

	private final String aadObjectId;

	private final String serviceUrl;

	private final String conversationId;

	private final String userName;

	private final Instant timestamp;

	private TeamsActivities(String userId, String aadObjectId, String serviceUrl, String conversationId,
			String userName, Instant timestamp) {
		this.userId = userId;
		this.aadObjectId = aadObjectId;
		this.serviceUrl = serviceUrl;
		this.conversationId = conversationId;
		this.userName = userName;
		this.timestamp = timestamp;
	}

	/**
	 * Activities from one user ({@code 29:...} id and AAD object id) through the given
	 * Bot Connector. The conversation id defaults to {@code "a:conv-" + aadObjectId}, the
	 * id {@link FakeMicrosoft} gives a conversation it creates with that user.
	 */
	public static TeamsActivities from(String userId, String aadObjectId, String serviceUrl) {
		return new TeamsActivities(userId, aadObjectId, serviceUrl, "a:conv-" + aadObjectId, USER_NAME, null);
	}

	public TeamsActivities inConversation(String conversationId) {
		return new TeamsActivities(this.userId, this.aadObjectId, this.serviceUrl, conversationId, this.userName,
				this.timestamp);
	}

	public TeamsActivities named(String userName) {
		return new TeamsActivities(this.userId, this.aadObjectId, this.serviceUrl, this.conversationId, userName,
				this.timestamp);
	}

	/** A fixed timestamp instead of the time each activity is built. */
	public TeamsActivities at(Instant timestamp) {
		return new TeamsActivities(this.userId, this.aadObjectId, this.serviceUrl, this.conversationId, this.userName,
				timestamp);
	}

	/** A message typed by the user; Teams adds the text as HTML as well. */
	public String message(String activityId, String text) {
		ObjectNode activity = base(activityId, "message");
		activity.put("textFormat", "plain");
		activity.put("text", text);
		ObjectNode html = activity.putArray("attachments").addObject();
		html.put("contentType", "text/html");
		html.put("content", "<p>" + escapeHtml(text) + "</p>");
		return activity.toString();
	}

	/**
	 * An Adaptive Card {@code Action.Submit}: a message without text whose value holds
	 * the inputs by id, replying to the card's activity.
	 */
	public String cardSubmit(String activityId, String replyToId, JsonNode value) {
		ObjectNode activity = base(activityId, "message");
		activity.put("replyToId", replyToId);
		activity.set("value", value);
		ObjectNode channelData = (ObjectNode) activity.get("channelData");
		channelData.putObject("source").put("name", "message");
		channelData.putObject("legacy").put("replyToId", replyToId);
		return activity.toString();
	}

	/**
	 * An Adaptive Card {@code Action.Execute} (Universal Actions): an invoke
	 * {@code adaptiveCard/action} whose value holds the action, its data merged with the
	 * inputs, replying to the card's activity.
	 */
	public String cardExecute(String activityId, String replyToId, String verb, JsonNode data) {
		ObjectNode activity = base(activityId, "invoke");
		activity.put("name", "adaptiveCard/action");
		activity.put("replyToId", replyToId);
		ObjectNode value = activity.putObject("value");
		ObjectNode action = value.putObject("action");
		action.put("type", "Action.Execute");
		action.put("verb", verb);
		action.set("data", data);
		value.put("trigger", "manual");
		ObjectNode channelData = (ObjectNode) activity.get("channelData");
		channelData.putObject("source").put("name", "message");
		channelData.putObject("legacy").put("replyToId", replyToId);
		return activity.toString();
	}

	/** The user installed the bot. */
	public String installationAdd(String activityId) {
		ObjectNode activity = base(activityId, "installationUpdate");
		activity.put("action", "add");
		return activity.toString();
	}

	/**
	 * The user removed the bot (Teams says {@code remove}, or {@code remove-upgrade}).
	 */
	public String installationRemove(String activityId) {
		ObjectNode activity = base(activityId, "installationUpdate");
		activity.put("action", "remove");
		return activity.toString();
	}

	/** The user joined the 1:1 conversation with the bot. */
	public String membersAdded(String activityId) {
		ObjectNode activity = base(activityId, "conversationUpdate");
		ObjectNode member = activity.putArray("membersAdded").addObject();
		member.put("id", this.userId);
		member.put("aadObjectId", this.aadObjectId);
		return activity.toString();
	}

	/**
	 * Any other type, for example {@code typing}, {@code messageReaction} or an unknown
	 * one.
	 */
	public String ofType(String activityId, String type) {
		return base(activityId, type).toString();
	}

	private ObjectNode base(String activityId, String type) {
		Instant now = (this.timestamp != null) ? this.timestamp : Instant.now();
		now = now.truncatedTo(ChronoUnit.MILLIS);
		ObjectNode activity = JSON.createObjectNode();
		activity.put("type", type);
		activity.put("id", activityId);
		activity.put("timestamp", TIMESTAMP.format(now.atOffset(ZoneOffset.UTC)));
		activity.put("localTimestamp", LOCAL_TIMESTAMP.format(now.atZone(STOCKHOLM)));
		activity.put("serviceUrl", this.serviceUrl);
		activity.put("channelId", "msteams");
		activity.putObject("from")
			.put("id", this.userId)
			.put("name", this.userName)
			.put("aadObjectId", this.aadObjectId);
		activity.putObject("conversation")
			.put("conversationType", "personal")
			.put("tenantId", FakeMicrosoft.TENANT_ID)
			.put("id", this.conversationId);
		activity.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
		activity.putArray("entities")
			.addObject()
			.put("type", "clientInfo")
			.put("locale", "sv-SE")
			.put("country", "SE")
			.put("platform", "Web")
			.put("timezone", "Europe/Stockholm");
		activity.putObject("channelData").putObject("tenant").put("id", FakeMicrosoft.TENANT_ID);
		activity.put("locale", "sv-SE");
		return activity;
	}

	private static String escapeHtml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
