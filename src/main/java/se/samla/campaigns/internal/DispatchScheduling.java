package se.samla.campaigns.internal;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.samla.campaigns.CampaignProperties;

/**
 * Registers the dispatch job with Quartz. Missed runs are not caught up one by one: the
 * next run looks at what is due then (misfire: next with remaining count), which is what
 * turns a long stop into one message per person instead of a burst.
 */
@Configuration(proxyBeanMethods = false)
class DispatchScheduling {

	static final String JOB = "samla-dispatch";

	@Bean
	JobDetail dispatchJobDetail() {
		return JobBuilder.newJob(DispatchJob.class)
			.withIdentity(JOB)
			.withDescription("Records due invitations, reminders and escalations, and delivers the outbox")
			.storeDurably()
			.build();
	}

	@Bean
	Trigger dispatchTrigger(JobDetail dispatchJobDetail, CampaignProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(dispatchJobDetail)
			.withIdentity(JOB)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.dispatchInterval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

}
