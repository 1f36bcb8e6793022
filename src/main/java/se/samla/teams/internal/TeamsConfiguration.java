package se.samla.teams.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOuts;
import se.samla.digests.Digests;
import se.samla.directory.Directory;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.GraphUsers;
import se.samla.teams.TeamsProperties;

/**
 * The Teams channel's parts, present only when Teams is enabled (with an app id and
 * password: the settings refuse to start without them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "samla.teams.enabled", havingValue = "true")
class TeamsConfiguration {

	@Bean
	BotAuthentication botAuthentication(TeamsProperties properties) {
		return new BotAuthentication(properties);
	}

	@Bean(destroyMethod = "close")
	BotConnector botConnector(TeamsProperties properties, Clock clock, ObjectProvider<Sleeper> sleeper) {
		return new BotConnector(properties, clock, sleeper.getIfAvailable(Sleeper::real));
	}

	@Bean
	Messenger teamsMessenger(BotConnector connector, SentMessages sent, Clock clock) {
		return new Messenger(connector, sent, clock);
	}

	@Bean
	Bot bot(Directory directory, ResponseManagement responses, SendOuts sendOuts, ContactRoutes routes,
			Conversations conversations, Messenger messenger, MessageSource messages, CampaignProperties campaigns,
			Clock clock) {
		return new Bot(directory, responses, sendOuts, routes, conversations, messenger, messages, campaigns.zone(),
				clock);
	}

	@Bean
	TeamsChannel teamsChannel(TeamsProperties properties, Messenger messenger, Conversations conversations,
			ResponseManagement responses, Directory directory, Bot bot, Clock clock, Digests digests,
			EntraRegistrations registrations, GraphUsers graph) {
		return new TeamsChannel(properties, messenger, conversations, responses, directory, bot, clock, digests,
				new AppInstaller(registrations, graph));
	}

	@Bean
	ActivityWorker activityWorker(InboundActivities inbound, Bot bot, Clock clock, TeamsProperties properties) {
		return new ActivityWorker(inbound, bot, clock, properties);
	}

}
