package se.samla.ops;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CommandContextFilterTests {

	private static final String[] CLASSES = { "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
			"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
			"org.springdoc.core.configuration.SpringDocConfiguration",
			"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration" };

	@Test
	void leavesTheServicesSchedulerAndEndpointsOutOfACommandButKeepsTheDatabase() {
		assertThat(filter(true).match(CLASSES, null)).containsExactly(false, false, false, true, true, true, false,
				false, true);
	}

	@Test
	void leavesTheServiceAsItIs() {
		assertThat(filter(false).match(CLASSES, null)).containsOnly(true);
	}

	private static CommandContextFilter filter(boolean command) {
		CommandContextFilter filter = new CommandContextFilter();
		filter
			.setEnvironment(new MockEnvironment().withProperty(CommandContextFilter.PROPERTY, String.valueOf(command)));
		return filter;
	}

}
