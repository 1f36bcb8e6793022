package se.samla.campaigns.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.campaigns.SendOutOperations;
import se.samla.shared.SendOutId;

/**
 * A one-shot Quartz job that does "send now" for one send-out at a chosen moment (the
 * demo send-out uses it to open shortly after start-up). Kept in the JDBC job store, so a
 * moment missed while Samla was down fires at the next start. Never two at once: the
 * outbox claims keep a message single anyway, but two runs would only race for the same
 * rows.
 */
@DisallowConcurrentExecution
public class SendNowJob implements Job {

	static final String SEND_OUT = "sendOut";

	private static final Logger log = LoggerFactory.getLogger(SendNowJob.class);

	private final SendOutOperations operations;

	public SendNowJob(SendOutOperations operations) {
		this.operations = operations;
	}

	@Override
	public void execute(JobExecutionContext context) {
		SendOutId id = new SendOutId(context.getMergedJobDataMap().getString(SEND_OUT));
		var report = this.operations.sendNow(id);
		log.info("Send-out {} opened: {} message(s) recorded, {} delivered, {} logged only (no channel configured)", id,
				report.recorded(), report.delivered(), report.logged());
	}

}
