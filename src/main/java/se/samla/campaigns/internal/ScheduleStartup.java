package se.samla.campaigns.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOuts;
import se.samla.shared.StartupLock;
import se.samla.surveys.QuestionnaireId;
import se.samla.surveys.Questionnaires;

/**
 * Loads the send-out definitions at start-up and checks that each asks a questionnaire
 * that exists, so a typo is found now and not on the day the send-out opens. They are
 * stored under the start-up lock: instances starting together store them one after the
 * other instead of both inserting the same send-out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class ScheduleStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ScheduleStartup.class);

	private final CampaignProperties properties;

	private final SendOuts sendOuts;

	private final Questionnaires questionnaires;

	private final StartupLock startupLock;

	ScheduleStartup(CampaignProperties properties, SendOuts sendOuts, Questionnaires questionnaires,
			StartupLock startupLock) {
		this.properties = properties;
		this.sendOuts = sendOuts;
		this.questionnaires = questionnaires;
		this.startupLock = startupLock;
	}

	/** Runs after the directory is seeded, so the recipient counts logged are real. */
	@Override
	public void run(ApplicationArguments args) {
		CampaignProperties properties = this.properties;
		SendOuts sendOuts = this.sendOuts;
		Questionnaires questionnaires = this.questionnaires;
		List<SendOut> loaded = new ScheduleLoader(properties.zone()).load(properties.location());
		List<String> problems = new ArrayList<>();
		for (SendOut sendOut : loaded) {
			QuestionnaireId questionnaire = sendOut.questionnaire();
			if (questionnaires.current(questionnaire).isEmpty()) {
				problems.add(sendOut.source() + ":1: asks questionnaire '" + questionnaire
						+ "', which is not in the conversations directory");
			}
		}
		if (!problems.isEmpty()) {
			throw new ScheduleDefinitionException(problems);
		}
		List<SendOut> stored = new ArrayList<>();
		this.startupLock.exclusively(() -> loaded.forEach(sendOut -> stored.add(sendOuts.define(sendOut))));
		for (SendOut sendOut : stored) {
			log.info("Send-out {} ({}) asks {}: opens {}, deadline {}, {} recipient(s), now {}", sendOut.id(),
					sendOut.source(), sendOut.questionnaire(), sendOut.opensAt(), sendOut.deadline(),
					sendOuts.recipients(sendOut).size(), sendOuts.state(sendOut));
			if (!sendOut.enabled()) {
				log.info("Send-out {} is disabled: nothing is sent until its file says enabled: true", sendOut.id());
			}
		}
	}

}
