package se.samla.campaigns.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.samla.campaigns.Audience;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Network;
import se.samla.shared.SendOutId;
import se.samla.shared.StartupLock;
import se.samla.surveys.QuestionnaireId;

/**
 * In the local profile: a demo send-out of {@code steg2} that opens half a minute after
 * start-up, whatever the day and hour, so a newcomer sees invitations go out at once.
 * Created once, under the start-up lock so that instances starting together create it
 * once; delete the data directory to see it again.
 */
@Component
@ConditionalOnProperty(name = "samla.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 300)
class DemoSendOut implements ApplicationRunner {

	static final SendOutId ID = new SendOutId("demo-steg2");

	private static final Logger log = LoggerFactory.getLogger(DemoSendOut.class);

	private final SendOuts sendOuts;

	private final Scheduler scheduler;

	private final Clock clock;

	private final CampaignProperties properties;

	private final StartupLock startupLock;

	DemoSendOut(SendOuts sendOuts, Scheduler scheduler, Clock clock, CampaignProperties properties,
			StartupLock startupLock) {
		this.sendOuts = sendOuts;
		this.scheduler = scheduler;
		this.clock = clock;
		this.properties = properties;
		this.startupLock = startupLock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.startupLock.exclusively(this::createOnce);
	}

	private void createOnce() {
		if (this.sendOuts.find(ID).isPresent()) {
			log.info("Demo send-out {} exists already (delete the data directory to run it again)", ID);
			return;
		}
		Instant opens = this.clock.instant().plus(Duration.ofSeconds(30));
		this.sendOuts.define(new SendOut(ID, "Demo: Kartläggning steg 2", new QuestionnaireId("steg2"),
				new Audience(Set.of(Network.SOCIALCHEFSNATVERKET, Network.HR_CHEFSNATVERKET), Set.of(), List.of(),
						false),
				opens, opens.plus(Duration.ofDays(14)), null, null, "demo (local profile)",
				SendOutRules.defaults(this.properties.zone()), null));
		JobDetail job = JobBuilder.newJob(SendNowJob.class)
			.withIdentity(JobKey.jobKey("demo-open", "samla-demo"))
			.usingJobData(SendNowJob.SEND_OUT, ID.value())
			.build();
		try {
			this.scheduler.scheduleJob(job,
					TriggerBuilder.newTrigger()
						.withIdentity("demo-open", "samla-demo")
						.startAt(Date.from(opens))
						.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
						.build());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not schedule the opening of the demo send-out", ex);
		}
		log.info("Demo send-out {} opens at {}: invitations go out then", ID, opens);
	}

}
