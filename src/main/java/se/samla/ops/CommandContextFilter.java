package se.samla.ops;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out of an operator command's context the auto-configuration of what only the
 * service does: serve HTTP and actuator endpoints (with their request validation and
 * OpenAPI description), run Quartz and scheduled tasks, publish metrics and time-passing
 * events. Filtered before Spring reads the classes, which is most of a command's
 * start-up; the service's own context is not affected.
 */
class CommandContextFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	/** Set (to {@code true}) only in the context of an operator command. */
	static final String PROPERTY = "samla.operator.cli";

	private static final List<String> LEFT_OUT = List.of("org.springframework.boot.actuate.",
			"org.springframework.boot.health.", "org.springframework.boot.micrometer.",
			"org.springframework.boot.quartz.", "org.springframework.boot.tomcat.", "org.springframework.boot.webmvc.",
			"org.springframework.boot.servlet.", "org.springframework.boot.web.server.",
			"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
			"org.springframework.modulith.moments.", "org.springframework.modulith.observability.",
			// Bean Validation (about 450 classes of Hibernate Validator made at start)
			// serves
			// only the HTTP API; the OpenAPI description only the web server
			"org.springframework.boot.validation.", "org.springdoc.",
			// Spring Security protects the web pages only
			"org.springframework.boot.security.");

	private static final List<String> LEFT_OUT_PARTS = List.of(".metrics.", ".health.", ".actuate.");

	private boolean command;

	@Override
	public void setEnvironment(Environment environment) {
		this.command = environment.getProperty(PROPERTY, Boolean.class, false);
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = !this.command || !leftOut(autoConfigurationClasses[i]);
		}
		return matches;
	}

	static boolean leftOut(String autoConfiguration) {
		return autoConfiguration != null && (LEFT_OUT.stream().anyMatch(autoConfiguration::startsWith)
				|| LEFT_OUT_PARTS.stream().anyMatch(autoConfiguration::contains));
	}

}
