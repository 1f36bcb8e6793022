package se.samla.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.AbstractApplicationContext;

import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.ScheduleValidator;
import se.samla.campaigns.SendOut;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.RegisteredApp;
import se.samla.shared.DefinitionProblem;
import se.samla.surveys.QuestionnaireValidator;
import se.samla.teams.TeamsAppPackage;

/**
 * Runs an operator command on the same jar as the service:
 * {@code java -jar samla.jar <command> [options]}. {@code validate} needs nothing but the
 * files; the other commands start a lean Samla (the database and the modules' services:
 * no web server, no scheduler, no mail server, nothing running in the background) against
 * the configured database, do their work and exit.
 * <p>
 * Exit codes: 0 done, 1 the command failed or found problems (one line on stderr saying
 * what is wrong and what is valid), 2 wrong usage (the line and the usage).
 */
public final class OperatorCli {

	static final Set<String> COMMANDS = Set.of("validate", "import-directory", "send-outs", "response", "status",
			"preview", "schedule", "pause", "resume", "send-now", "resend-logged", "close", "extend", "eml", "review",
			"digest", "teams-package", "person", "resolve-teams", "help");

	/**
	 * The commands that start Samla against the database (the others need only files).
	 */
	private static final Set<String> CONTEXT_COMMANDS = COMMANDS.stream()
		.filter(command -> !Set.of("validate", "teams-package", "help").contains(command))
		.collect(Collectors.toSet());

	private static final String BACKGROUND_PREINITIALIZER_IGNORE = "spring.backgroundpreinitializer.ignore";

	/**
	 * The command process's settings. Logging stays quiet: the command reports its own
	 * outcome, and Spring's, Hikari's and the failure analysers' reports of a failed
	 * start would bury that one line under a stack trace.
	 */
	private static final String[] COMMAND_PROPERTIES = { "--spring.main.banner-mode=off",
			"--spring.main.log-startup-info=false", "--spring.main.lazy-initialization=true",
			"--logging.level.root=WARN", "--logging.level.se.samla=WARN", "--logging.level.org.springframework=ERROR",
			"--logging.level.org.springframework.boot.SpringApplication=OFF",
			"--logging.level.org.springframework.boot.diagnostics=OFF", "--logging.level.com.zaxxer.hikari=OFF",
			"--logging.exception-conversion-word=%nopex", "--" + CommandContextFilter.PROPERTY + "=true",
			"--spring.quartz.auto-startup=false", "--samla.demo.enabled=false",
			"--samla.email.local-server.enabled=false", "--samla.email.imap.enabled=false",
			"--spring.modulith.events.republish-outstanding-events-on-restart=false",
			// the service validates the applied migrations against the files at its start
			"--spring.flyway.validate-on-migrate=false" };

	private OperatorCli() {
	}

	/**
	 * Whether the arguments are an operator command rather than the service's start. The
	 * service starts without arguments or with Spring's own options
	 * ({@code --spring.profiles.active=local}, {@code --server.port=9090}); any other
	 * first argument is a command, known or not, so that a typo never starts the service
	 * against the data.
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && (!args[0].startsWith("--") || isHelp(args[0]));
	}

	/**
	 * Runs the command from {@code main}: its results go to standard output, everything
	 * else that writes to {@code System.out} (logging, libraries) to standard error, so
	 * that the output can be piped and redirected as it is.
	 * @return the process exit code
	 */
	public static int main(Class<?> application, String[] args) {
		if (CONTEXT_COMMANDS.contains(args[0])) {
			OptionalInt relaunched = CommandJvm.relaunch(args);
			if (relaunched.isPresent()) {
				return relaunched.getAsInt();
			}
			// Spring warms up Jackson, validation and HTTP converters on a second thread,
			// which only a service uses: on two cores a command would wait for it
			System.setProperty(BACKGROUND_PREINITIALIZER_IGNORE, "true");
		}
		PrintStream out = System.out;
		System.setOut(System.err);
		return run(application, args, out, System.err);
	}

	/**
	 * Runs the command.
	 * @return the process exit code: 0 on success, 1 when the command failed or found
	 * problems, 2 on wrong usage
	 */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String command = isHelp(args[0]) ? "help" : args[0];
		if (!COMMANDS.contains(command)) {
			err.println("unknown command '" + command + "'" + suggestion(command)
					+ "; the commands are listed below (without a command the service starts)");
			return usage(err, 2);
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		try {
			return switch (command) {
				case "validate" -> validate(new Options(rest), out, err);
				case "teams-package" -> teamsPackage(new Options(rest), out, err);
				case "help" -> usage(out, 0);
				default -> withContext(application, err,
						context -> context.getBean(OperatorCommands.class).run(command, new Options(rest), out, err));
			};
		}
		catch (UsageException ex) {
			err.println(ex.getMessage());
			return usage(err, 2);
		}
		catch (RuntimeException ex) {
			Failures.describe(ex, unknown -> Failures.firstLine(unknown.getMessage())).forEach(err::println);
			return 1;
		}
	}

	private static boolean isHelp(String argument) {
		return argument.equals("--help") || argument.equals("-h");
	}

	/** A known command a typo is close to: a letter or two off, or a hyphen missing. */
	private static String suggestion(String typed) {
		String best = null;
		int bestDistance = 3;
		for (String command : COMMANDS) {
			int distance = distance(typed.toLowerCase(Locale.ROOT).replace("-", ""), command.replace("-", ""));
			if (distance < bestDistance) {
				best = command;
				bestDistance = distance;
			}
		}
		return (best != null) ? " (did you mean '" + best + "'?)" : "";
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static int validate(Options options, PrintStream out, PrintStream err) {
		Path conversations = Path.of(options.value("--conversations", "./conversations"));
		Path scheduler = Path.of(options.value("--scheduler", "./scheduler"));
		ZoneId zone = ZoneId.of(options.value("--zone", "Europe/Stockholm"));
		options.requireNoMore();
		List<DefinitionProblem> problems = new QuestionnaireValidator().validate(conversations);
		problems.forEach(problem -> err.println(problem));
		int failures = problems.size();
		try {
			List<SendOut> sendOuts = ScheduleValidator.read(scheduler, zone);
			Set<String> known = problems.isEmpty() ? new QuestionnaireValidator().load(conversations)
				.stream()
				.map(questionnaire -> questionnaire.id().value())
				.collect(Collectors.toSet()) : null;
			for (SendOut sendOut : sendOuts) {
				if (known != null && !known.contains(sendOut.questionnaire().value())) {
					err.println(sendOut.source() + ":1: asks questionnaire '" + sendOut.questionnaire()
							+ "', which is not in " + conversations);
					failures++;
				}
			}
		}
		catch (ScheduleDefinitionException ex) {
			ex.problems().forEach(err::println);
			failures += ex.problems().size();
		}
		if (failures > 0) {
			err.println(failures + " problem(s) found.");
			return 1;
		}
		out.println("OK: questionnaires in " + conversations + " and send-outs in " + scheduler + " are valid.");
		return 0;
	}

	/**
	 * Builds the Teams app zip (needs no database, like {@code validate}): one per
	 * registration, as each tenant's app names that tenant's bot.
	 */
	private static int teamsPackage(Options options, PrintStream out, PrintStream err) {
		String appId = options.value("--app-id", null);
		String tenant = options.value("--tenant", null);
		Path folder = Path.of(options.value("--app-dir", "./teams-app"));
		Path tenantsFile = Path.of(options.value("--tenants", "./directory/tenants.csv"));
		String zip = options.value("--out", null);
		options.requireNoMore();
		List<RegisteredApp> apps;
		if (appId != null) {
			apps = List.of(new RegisteredApp("(given)", appId, List.of()));
		}
		else {
			try {
				apps = new ArrayList<>(EntraRegistrations.apps(tenantsFile));
			}
			catch (IllegalStateException ex) {
				err.println(ex.getMessage());
				return 1;
			}
			String single = System.getenv("SAMLA_TEAMS_APP_ID");
			if (single != null && !single.isBlank()) {
				String singleTenant = System.getenv("SAMLA_TEAMS_TENANT_ID");
				apps.add(new RegisteredApp(
						(singleTenant != null && !singleTenant.isBlank()) ? singleTenant : "botframework.com", single,
						List.of()));
			}
		}
		if (apps.isEmpty()) {
			err.println("teams-package needs --app-id (the bot's Microsoft app id), SAMLA_TEAMS_APP_ID, or the"
					+ " registrations in " + tenantsFile + " or samla.entra.registrations");
			return 2;
		}
		if (tenant != null) {
			List<RegisteredApp> chosen = apps.stream().filter(app -> app.isFor(tenant)).toList();
			if (chosen.isEmpty()) {
				err.println("no registration for tenant or organisation '" + tenant + "'; known: "
						+ apps.stream()
							.map(app -> app.label() + " (" + app.tenantId() + ")")
							.collect(Collectors.joining(", ")));
				return 1;
			}
			apps = chosen;
		}
		if (zip != null && apps.size() > 1) {
			err.println("--out names one file, but there are " + apps.size()
					+ " registrations: leave it out (one zip each) or choose one with --tenant");
			return 2;
		}
		for (RegisteredApp app : apps) {
			Path target = Path.of((zip != null) ? zip
					: (apps.size() == 1 && tenant == null) ? "samla-teams.zip" : "samla-teams-" + app.label() + ".zip");
			try {
				Path written = TeamsAppPackage.write(folder, app.appId(), target);
				out.println("Wrote " + written
						+ ((apps.size() > 1 || tenant != null)
								? " for tenant " + app.tenantId() + " (" + app.label() + ")" : "")
						+ ": upload it in Teams admin center (Manage apps, Upload).");
			}
			catch (IllegalArgumentException ex) {
				// a malformed app id is wrong usage
				err.println(ex.getMessage());
				return 2;
			}
			catch (IOException ex) {
				err.println("Could not build the Teams app package: " + ex.getMessage());
				return 1;
			}
		}
		return 0;
	}

	private static int withContext(Class<?> application, PrintStream err, ContextCommand command) {
		ConfigurableApplicationContext context;
		try {
			context = commandApplication(application).run(COMMAND_PROPERTIES);
		}
		catch (RuntimeException ex) {
			Failures.describeStartup(ex).forEach(err::println);
			return 1;
		}
		try (context) {
			return command.run(context);
		}
	}

	/**
	 * Samla for one command: beans are made when the command first needs them (a
	 * {@code status} never reads the digest themes), and nothing is started in the
	 * background (a command process must not read mailboxes, answer Teams or run jobs).
	 */
	static SpringApplication commandApplication(Class<?> application) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, new NothingInBackground()))
			.build();
	}

	static int usage(PrintStream out, int code) {
		out.println(
				"""
						Usage: java -jar samla.jar <command> [options]

						  digest SEND-OUT [--out DIR] [--view organisations|persons] [--language sv|en]
						      write the send-out's digest as HTML, XLSX and CSV into DIR, named
						      sammanstallning-SEND-OUT-organisationer.html (…-personer, -en for English)
						  teams-package [--tenant TENANT|ORGANISATION] [--app-id GUID] [--out FILE] [--app-dir DIR] [--tenants FILE]
						      build the Teams app zip (manifest with the app id, icons) to upload: one per
						      registration (directory/tenants.csv, samla.entra.registrations, SAMLA_TEAMS_APP_ID),
						      samla-teams-ORGANISATION.zip each, or the one of --tenant
						  validate [--conversations DIR] [--scheduler DIR]
						      check the questionnaire and send-out files; exit 1 listing file:line: problem
						  import-directory [--dry-run] [--organisations FILE] [--people FILE] [--activities FILE]
						      import directory CSV files (semicolon-separated, UTF-8 or Windows-1252);
						      all rows of a file or none; --dry-run only reports; people then get their
						      Teams identities from Microsoft Graph as resolve-teams does
						  resolve-teams
						      find each active person without a Teams identity in Microsoft Graph by e-mail
						      address (in the tenant of their organisation's registration); one line each:
						      found, not found, ambiguous, no registration or refused (with the reason);
						      whoever is not found is asked by e-mail
						  send-outs
						      list the send-outs with their state and response counts
						  response SEND-OUT PERSON
						      show one response (PERSON: e-mail address or person id) with its audit trail
						  status SEND-OUT
						      each recipient: invited, reminded n times, answered, bounced, no route,
						      logged only (no channel configured)
						  preview SEND-OUT DATE
						      what the plan sends on that day (2026-12-01), as things stand
						  schedule SEND-OUT
						      every message the plan will still send: when, what, by which channel, to whom
						  pause SEND-OUT | resume SEND-OUT
						      stop and restart sending (answers are still accepted while paused)
						  send-now SEND-OUT
						      open it now if not open and record what is due, outside sending hours too;
						      the running service sends it on its next dispatch run
						  resend-logged SEND-OUT
						      send again what was only logged because no channel was configured
						  close SEND-OUT
						      close early: no more answers, nothing more sent
						  extend SEND-OUT DEADLINE
						      move the deadline (2026-12-22 or 2026-12-22T17:00); reminders are re-planned
						  review | review accept ID PERSON [--replace] [--operator NAME] | review discard ID
						      emails held for review (e.g. an assistant answering with a chief's token), with
						      what each would record next to what is recorded now; accept one as the answers
						      of PERSON (e-mail address), keeping answers already recorded unless --replace,
						      or discard it
						  person export ADDRESS [--out FILE] | person erase ADDRESS --yes [--operator NAME]
						      everything Samla holds on a person, as JSON; or erase it (pseudonymised entry,
						      free text, kept emails and Teams activities removed; counts stay)
						  eml FILE
						      what Samla would record from an email (.eml), as JSON, changing nothing
						  help
						      this text

						Without arguments, or with only options (--spring.profiles.active=local), the service starts.
						Exit codes: 0 done, 1 failed (one line on standard error says why), 2 wrong usage.""");
		return code;
	}

	/** Starts no {@link org.springframework.context.SmartLifecycle} bean. */
	private static final class NothingInBackground implements LifecycleProcessor {

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

	}

	@FunctionalInterface
	interface ContextCommand {

		int run(ConfigurableApplicationContext context);

	}

	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
