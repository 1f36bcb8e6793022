package se.samla.campaigns;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import se.samla.campaigns.internal.Dispatcher;
import se.samla.campaigns.internal.OutboxRecords;
import se.samla.campaigns.internal.OutboxRecords.OutboxRow;
import se.samla.campaigns.internal.RunningServices;
import se.samla.campaigns.internal.SendOutRecords;
import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

/**
 * What operators do to a send-out: pause and resume, send now, close early and extend the
 * deadline (what they read of it, who stands where and what will be sent, is
 * {@link SendOutQueries}). Reminders are planned from the deadline on every dispatch run,
 * so an extension re-plans them by itself.
 */
@Service
public class SendOutOperations {

	private static final Logger log = LoggerFactory.getLogger(SendOutOperations.class);

	private final SendOuts sendOuts;

	private final SendOutRecords records;

	private final OutboxRecords outbox;

	private final Dispatcher dispatcher;

	private final Clock clock;

	private final RunningServices services;

	SendOutOperations(SendOuts sendOuts, SendOutRecords records, OutboxRecords outbox, Dispatcher dispatcher,
			Clock clock, RunningServices services) {
		this.services = services;
		this.sendOuts = sendOuts;
		this.records = records;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	public void pause(SendOutId id) {
		require(id);
		this.records.pause(id, this.clock.instant());
		log.info("Send-out {} paused", id);
	}

	public void resume(SendOutId id) {
		require(id);
		this.records.resume(id);
		log.info("Send-out {} resumed", id);
	}

	/**
	 * Opens the send-out now if it has not opened, and sends what is due, ignoring
	 * sending hours once. For the running service (its HTTP endpoint and jobs), whose
	 * channels are configured.
	 */
	public DispatchReport sendNow(SendOutId id) {
		requireEnabled(id);
		this.records.openNow(id, this.clock.instant());
		log.info("Send-out {}: send now", id);
		return this.dispatcher.runNow(id);
	}

	/**
	 * "Send now" from an operator command: opens the send-out and records what is due,
	 * ignoring sending hours once, but delivers nothing. A command process is not the
	 * service: its channels are not the service's (email is off without the service's
	 * profile), so it leaves delivery to the service's dispatcher, which sends every
	 * waiting message on its next run.
	 */
	public DispatchReport recordNow(SendOutId id) {
		requireEnabled(id);
		this.records.openNow(id, this.clock.instant());
		log.info("Send-out {}: send now (recorded for the service to deliver)", id);
		return DispatchReport.recordedOnly(this.dispatcher.recordNow(id));
	}

	/**
	 * Puts the messages of a send-out that a stand-in only logged (no channel was
	 * configured) back to waiting, so that the dispatcher sends them by a real channel.
	 * Also finds those an earlier version counted as sent.
	 * @return how many messages will be sent again
	 */
	public int resendLogged(SendOutId id) {
		require(id);
		int requeued = this.outbox.requeueLogged(id);
		log.info("Send-out {}: {} message(s) only logged by a stand-in queued to be sent again", id, requeued);
		return requeued;
	}

	/**
	 * Whether a Samla service is running against this database (and will deliver what an
	 * operator command recorded).
	 */
	public boolean serviceRunning() {
		return this.services.anyRunning();
	}

	/** Closes the send-out: no more answers are accepted and nothing more is sent. */
	public void close(SendOutId id) {
		require(id);
		this.records.close(id, this.clock.instant());
		log.info("Send-out {} closed early", id);
	}

	/** Moves the deadline; reminders are planned anew from it. */
	public SendOut extendDeadline(SendOutId id, Instant deadline) {
		SendOut sendOut = require(id);
		if (!deadline.isAfter(sendOut.opensAt())) {
			throw new IllegalArgumentException("the new deadline must come after the opening time");
		}
		this.records.extendDeadline(id, deadline);
		log.info("Send-out {}: deadline moved to {}", id, deadline);
		return require(id);
	}

	/**
	 * Queues the message that carries a person's new personal link (asked for on the
	 * answer pages) in the outbox, so it is recorded and sent once, by email, on the
	 * dispatcher's next run.
	 * @param generation the new link's generation: one message per link
	 * @return whether this call queued it (false: that link's message was queued before)
	 */
	public boolean sendNewLink(SendOutId id, PersonId person, int generation) {
		require(id);
		Instant now = this.clock.instant();
		boolean queued = this.outbox
			.enqueue(OutboxRow.pending(new OutboxKey(id, person, new OutboxKey.NewLink(generation)), null, now, now));
		log.info("Send-out {}: a new personal link was asked for and {}", id, queued ? "queued" : "was already queued");
		return queued;
	}

	/** A disabled send-out sends nothing, not even when asked to send now. */
	private SendOut requireEnabled(SendOutId id) {
		SendOut sendOut = require(id);
		if (!sendOut.enabled()) {
			throw new IllegalArgumentException("send-out " + id + " is disabled: set enabled: true in scheduler/"
					+ sendOut.source() + " and restart Samla");
		}
		return sendOut;
	}

	private SendOut require(SendOutId id) {
		return this.sendOuts.find(id).orElseThrow(() -> new UnknownSendOutException(id));
	}

}
