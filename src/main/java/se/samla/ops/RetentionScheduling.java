package se.samla.ops;

import java.time.Duration;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the retention clean-up on a Quartz schedule (hourly by default,
 * {@code samla.retention.interval}): in a cluster on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class RetentionScheduling {

	static final String JOB = "samla-retention";

	@Bean
	JobDetail retentionJobDetail() {
		return JobBuilder.newJob(RetentionJob.class)
			.withIdentity(JOB)
			.withDescription("Removes raw emails, Teams activities and answers' free text past their retention")
			.storeDurably()
			.build();
	}

	@Bean
	Trigger retentionTrigger(JobDetail retentionJobDetail, @Value("${samla.retention.interval:1h}") Duration interval) {
		return TriggerBuilder.newTrigger()
			.forJob(retentionJobDetail)
			.withIdentity(JOB)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	/** The Quartz job: one clean-up. */
	@DisallowConcurrentExecution
	public static class RetentionJob implements Job {

		private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

		private final PersonalData personalData;

		public RetentionJob(PersonalData personalData) {
			this.personalData = personalData;
		}

		@Override
		public void execute(JobExecutionContext context) {
			try {
				this.personalData.removeExpired();
			}
			catch (RuntimeException ex) {
				log.warn("Retention clean-up failed ({}); the next run tries again", ex.getClass().getSimpleName());
			}
		}

	}

}
