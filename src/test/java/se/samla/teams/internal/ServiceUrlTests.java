package se.samla.teams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.samla.teams.TeamsProperties;

/**
 * The bot sends its token only to allowed hosts, over https, or over plain http to a
 * loopback address; every refusal is logged with its reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceUrlTests {

	final BotConnector connector = new BotConnector(new TeamsProperties(false, "app", "secret", "tenant",
			"https://login.example/token", "https://login.example/openid", "https://smba.trafficmanager.net/emea/",
			List.of("smba.trafficmanager.net", "localhost", "127.0.0.1", "127.1.2.3", "::1"), 262144,
			new TeamsProperties.Limits(7, 8, 60, 1800, 50),
			new TeamsProperties.Retry(5, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30),
					java.time.Duration.ofSeconds(20)),
			1, java.time.Duration.ofDays(30), java.time.Duration.ofDays(1)), null, null, null, Sleeper.real());

	@ParameterizedTest
	@ValueSource(strings = { "https://smba.trafficmanager.net/emea/", "http://localhost:8080/teams/",
			"http://127.0.0.1:3978/", "http://127.1.2.3/", "http://[::1]:3978/",
			"https://emea.smba.trafficmanager.net/" })
	void allowsHttpsToAllowedHostsAndHttpToLoopbackAddresses(String serviceUrl) {
		assertThat(this.connector.isAllowed(serviceUrl)).isTrue();
	}

	@Test
	void refusesPlainHttpToAnyOtherHostAndLogsWhy(CapturedOutput output) {
		assertThat(this.connector.isAllowed("http://smba.trafficmanager.net/emea/v3/conversations/a:secret-chat"))
			.isFalse();
		assertThat(output).contains("WARN")
			.contains("Teams service URL refused: scheme http not allowed for host smba.trafficmanager.net")
			.doesNotContain("secret-chat");
	}

	@Test
	void refusesHostsOutsideTheAllowListAndLogsWhy(CapturedOutput output) {
		assertThat(this.connector.isAllowed("https://attacker.example.com/teams/")).isFalse();
		assertThat(this.connector.isAllowed("http://127.0.0.2/")).isFalse();
		assertThat(output).contains("host attacker.example.com not in samla.teams.allowed-service-url-hosts")
			.contains("host 127.0.0.2 not in samla.teams.allowed-service-url-hosts");
	}

	@Test
	void refusesWhatIsNotAUsableUrlAndLogsWhy(CapturedOutput output) {
		assertThat(this.connector.isAllowed(null)).isFalse();
		assertThat(this.connector.isAllowed("not a url")).isFalse();
		assertThat(this.connector.isAllowed("http://127.0.0.999/")).isFalse();
		assertThat(output).contains("Teams service URL refused: none given")
			.contains("Teams service URL refused: not a valid URL");
	}

	@Test
	void onlyLoopbackNamesAndAddressesCountAsLoopback() {
		assertThat(BotConnector.isLoopback("localhost")).isTrue();
		assertThat(BotConnector.isLoopback("127.255.0.1")).isTrue();
		assertThat(BotConnector.isLoopback("[::1]")).isTrue();
		assertThat(BotConnector.isLoopback("[0:0:0:0:0:0:0:1]")).isTrue();
		assertThat(BotConnector.isLoopback("128.0.0.1")).isFalse();
		assertThat(BotConnector.isLoopback("127.0.0.1.attacker.example")).isFalse();
		assertThat(BotConnector.isLoopback("localhost.attacker.example")).isFalse();
		assertThat(BotConnector.isLoopback("[::2]")).isFalse();
	}

}
