package se.samla.email.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.samla.email.ImapProperties;

/**
 * Reads the mailbox on a Quartz schedule. The job never runs twice at once, and in a
 * cluster Quartz fires it on one instance at a time: only one instance reads the mailbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "samla.email.imap.enabled", havingValue = "true")
class MailboxScheduling {

	static final String JOB = "samla-mailbox";

	@Bean
	MailboxReader mailboxReader(ImapProperties properties, InboundRecords records, InboundProcessor processor,
			MailLogin login) {
		return new MailboxReader(properties, records, processor, login);
	}

	@Bean
	@ConditionalOnProperty(name = "samla.email.imap.idle", havingValue = "true", matchIfMissing = true)
	MailboxWatcher mailboxWatcher(ImapProperties properties, org.quartz.Scheduler scheduler, MailLogin login) {
		return new MailboxWatcher(properties, scheduler, login);
	}

	@Bean
	JobDetail mailboxJobDetail() {
		return JobBuilder.newJob(ReadMailboxJob.class).withIdentity(JOB).storeDurably().build();
	}

	@Bean
	Trigger mailboxTrigger(JobDetail mailboxJobDetail, ImapProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(mailboxJobDetail)
			.withIdentity(JOB)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.pollInterval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	/** The Quartz job: one read of the mailbox. */
	@DisallowConcurrentExecution
	public static class ReadMailboxJob implements Job {

		private static final Logger log = LoggerFactory.getLogger(ReadMailboxJob.class);

		private final MailboxReader reader;

		public ReadMailboxJob(MailboxReader reader) {
			this.reader = reader;
		}

		@Override
		public void execute(JobExecutionContext context) {
			try {
				this.reader.read();
			}
			catch (Exception ex) {
				log.warn("Reading the mailbox failed ({}); the next run tries again", ex.toString());
			}
		}

	}

}
