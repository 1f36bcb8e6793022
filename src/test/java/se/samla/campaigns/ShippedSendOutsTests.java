package se.samla.campaigns;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.campaigns.internal.Dispatcher;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's first command with the send-outs shipped in {@code scheduler/}: the real
 * ones are examples, so the demo sends only the demo's messages, on a day when the real
 * ones would be open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "samla.demo.enabled=true")
@Import(TestClockConfiguration.class)
class ShippedSendOutsTests {

	@Autowired
	SendOuts sendOuts;

	@Autowired
	SendOutOperations operations;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theShippedRealSendOutsAreListedAsDisabled() {
		assertThat(this.sendOuts.find(new SendOutId("steg2-2026")).map(this.sendOuts::state))
			.contains(SendOutState.DISABLED);
		assertThat(this.sendOuts.find(new SendOutId("uppfoljning-2026")).map(this.sendOuts::state))
			.contains(SendOutState.DISABLED);
		assertThat(this.sendOuts.find(new SendOutId("demo-steg2")).map(SendOut::enabled)).contains(true);
	}

	@Test
	void theDemoSendsOnlyTheDemosMessages() {
		this.clock.advance(Duration.ofMinutes(1));

		this.dispatcher.run();

		List<String> sendOutsMessaged = this.jdbc.sql("SELECT DISTINCT send_out_id FROM outbox")
			.query(String.class)
			.list();
		assertThat(sendOutsMessaged).containsExactly("demo-steg2");
	}

	@Test
	void sendNowRefusesADisabledSendOutAndSaysHowToEnableIt() {
		assertThatThrownBy(() -> this.operations.sendNow(new SendOutId("steg2-2026")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("enabled: true")
			.hasMessageContaining("steg2-2026.yml");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE send_out_id = 'steg2-2026'")
			.query(Integer.class)
			.single()).isZero();
	}

}
