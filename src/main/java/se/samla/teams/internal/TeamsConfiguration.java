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
import se.samla.directory.Directory;
import se.samla.entra.AccessTokens;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.GraphProperties;
import se.samla.entra.GraphUsers;
import se.samla.teams.TeamsProperties;
import se.samla.teams.TeamsTenants;
import se.samla.web.AnswerLinks;

/**
 * The Teams channel's parts, present only when Teams is enabled, and then only with at
 * least one registration (Samla refuses to start without: Teams' tokens could not be
 * checked).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "samla.teams.enabled", havingValue = "true")
class TeamsConfiguration {

	@Bean
	BotRegistrations botRegistrations(EntraRegistrations entra, TeamsProperties properties) {
		BotRegistrations registrations = new BotRegistrations(entra, properties);
		if (registrations.isEmpty()) {
			throw new IllegalArgumentException("Teams is enabled but the bot has no registration: give one per tenant"
					+ " in samla.entra.registrations or directory/tenants.csv, or samla.teams.app-id"
					+ " (SAMLA_TEAMS_APP_ID) and samla.teams.app-password for a single one");
		}
		return registrations;
	}

	@Bean
	BotAuthentication botAuthentication(TeamsProperties properties, BotRegistrations registrations,
			TenantProblems problems) {
		return new BotAuthentication(properties, registrations, problems);
	}

	@Bean(destroyMethod = "close")
	BotConnector botConnector(TeamsProperties properties, BotRegistrations registrations, AccessTokens tokens,
			TenantProblems problems, ObjectProvider<Sleeper> sleeper) {
		return new BotConnector(properties, registrations, tokens, problems, sleeper.getIfAvailable(Sleeper::real));
	}

	@Bean
	TeamsTenants teamsTenants(BotRegistrations registrations, TenantProblems problems, AccessTokens tokens) {
		return new TenantStatus(registrations, problems, tokens);
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
			ResponseManagement responses, Directory directory, Bot bot, Clock clock, EntraRegistrations registrations,
			GraphUsers graph, GraphProperties graphProperties, AppInstalls installs, TenantProblems problems,
			AnswerLinks links) {
		return new TeamsChannel(properties, messenger, conversations, responses, directory, bot, clock,
				new AppInstaller(registrations, graph, graphProperties, installs, problems, properties.installRetry(),
						clock),
				problems, links);
	}

	@Bean
	ActivityWorker activityWorker(InboundActivities inbound, Bot bot, Clock clock, TeamsProperties properties) {
		return new ActivityWorker(inbound, bot, clock, properties);
	}

}
