package se.samla.teams.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import se.samla.teams.TeamsProperties;

/**
 * Where Teams delivers activities. Each one is authenticated, kept and acknowledged at
 * once; the work of answering it (which may wait on Teams' limits) runs on a worker, so
 * Teams never waits and nothing is lost if the process stops before it is done. An
 * {@code Action.Execute} (invoke {@code adaptiveCard/action}) is acknowledged with the
 * invoke response Teams requires (a message to show) and answered like a submit.
 * <p>
 * The body is read as text and parsed with the SDK's own (Jackson 2) serialisation: Teams
 * sends properties Spring's JSON reader would refuse. Every activity with a valid token
 * is kept, whatever the form of fields Samla does not need ({@link ActivityReader}):
 * Teams does not send an activity again after a 4xx.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "samla.teams.enabled",
		havingValue = "true")
class ActivityController {

	private static final Logger log = LoggerFactory.getLogger(ActivityController.class);

	private final BotAuthentication authentication;

	private final BotConnector connector;

	private final InboundActivities inbound;

	private final ActivityWorker worker;

	private final TeamsProperties properties;

	private final Clock clock;

	private final Bot bot;

	ActivityController(BotAuthentication authentication, BotConnector connector, InboundActivities inbound,
			ActivityWorker worker, TeamsProperties properties, Clock clock, Bot bot) {
		this.authentication = authentication;
		this.connector = connector;
		this.inbound = inbound;
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
		this.bot = bot;
	}

	@PostMapping("/api/messages")
	ResponseEntity<?> receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		int max = this.properties.maxActivityBytes();
		if (request.getContentLengthLong() > max) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(max + 1);
		}
		if (bytes.length > max) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		String body = new String(bytes, StandardCharsets.UTF_8);
		Activity activity = ActivityReader.read(body).orElse(null);
		if (activity == null) {
			return notAnActivity("The body is not a Bot Framework activity (a JSON object with a type).");
		}
		if (activity.getServiceUrl() == null) {
			return notAnActivity("The activity has no serviceUrl.");
		}
		if (!this.connector.isAllowed(activity.getServiceUrl())
				|| !this.authentication.isAuthentic(activity, authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		String type = activity.getType();
		boolean cardAction = Bot.isCardAction(activity);
		if (!ActivityTypes.MESSAGE.equals(type) && !ActivityTypes.INSTALLATION_UPDATE.equals(type)
				&& !ActivityTypes.CONVERSATION_UPDATE.equals(type) && !cardAction) {
			// typing, reactions, anything new: acknowledged, nothing to do
			return ResponseEntity.ok().build();
		}
		if (activity.getId() == null || activity.getConversation() == null
				|| activity.getConversation().getId() == null) {
			return notAnActivity("The activity has no id or no conversation id.");
		}
		try {
			String conversation = activity.getConversation().getId();
			if (this.inbound.keep(conversation, activity.getId(), type, body, this.clock.instant())) {
				this.worker.wake(conversation);
			}
			else {
				log.debug("Teams activity delivered again; handled once");
			}
			return cardAction
					? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(invokeResponse(activity))
					: ResponseEntity.ok().build();
		}
		catch (DataAccessException ex) {
			// not kept: Teams will deliver it again
			log.warn("Could not keep a Teams activity: {}", ex.getClass().getSimpleName());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
	}

	/**
	 * The answer Teams expects to an {@code Action.Execute} (Universal Actions): a
	 * message to show at once. The answer itself follows as the next card, as for a
	 * submit.
	 */
	private Map<String, Object> invokeResponse(Activity activity) {
		return Map.of("statusCode", 200, "type", "application/vnd.microsoft.activity.message", "value",
				this.bot.cardActionReceived(activity));
	}

	/** A 400 with a problem detail: only for a body Samla cannot take as an activity. */
	private static ResponseEntity<ProblemDetail> notAnActivity(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Not an activity");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
