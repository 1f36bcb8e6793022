package se.samla.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.ScheduleValidator;
import se.samla.campaigns.SendOut;
import se.samla.shared.DefinitionProblem;
import se.samla.surveys.QuestionnaireValidator;

/**
 * Runs an operator command on the same jar as the service:
 * {@code java -jar samla.jar <command> [options]}. {@code validate} needs nothing but the
 * files; the other commands start Samla without its web server, against the configured
 * database, do their work and exit.
 */
public final class OperatorCli {

	static final Set<String> COMMANDS = Set.of("validate", "import-directory", "send-outs", "response", "status",
			"preview", "schedule", "pause", "resume", "send-now", "resend-logged", "close", "extend", "eml", "review",
			"digest", "teams-package", "person", "help");

	private OperatorCli() {
	}

	/**
	 * Whether the arguments name an operator command rather than starting the service.
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/**
	 * Runs the command.
	 * @return the process exit code: 0 on success, 1 when the command found problems, 2
	 * on wrong usage
	 */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String command = args[0];
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		try {
			return switch (command) {
				case "validate" -> validate(new Options(rest), out, err);
				case "teams-package" -> teamsPackage(new Options(rest), out, err);
				case "help" -> usage(out, 0);
				case "person" -> withContext(application, args,
						context -> context.getBean(PersonCommands.class).run(new Options(rest), out, err));
				default -> withContext(application, args,
						context -> context.getBean(OperatorCommands.class).run(command, new Options(rest), out, err));
			};
		}
		catch (UsageException ex) {
			err.println(ex.getMessage());
			return usage(err, 2);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
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

	/** Builds the Teams app zip (needs no database, like {@code validate}). */
	private static int teamsPackage(Options options, PrintStream out, PrintStream err) {
		String appId = options.value("--app-id", System.getenv("SAMLA_TEAMS_APP_ID"));
		Path folder = Path.of(options.value("--app-dir", "./teams-app"));
		Path zip = Path.of(options.value("--out", "samla-teams.zip"));
		options.requireNoMore();
		if (appId == null || appId.isBlank()) {
			err.println("teams-package needs --app-id (the bot's Microsoft app id) or SAMLA_TEAMS_APP_ID");
			return 2;
		}
		try {
			Path written = se.samla.teams.TeamsAppPackage.write(folder, appId, zip);
			out.println("Wrote " + written + ": upload it in Teams admin center (Manage apps, Upload).");
			return 0;
		}
		catch (java.io.IOException ex) {
			err.println("Could not build the Teams app package: " + ex.getMessage());
			return 1;
		}
	}

	private static int withContext(Class<?> application, String[] args, ContextCommand command) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.se.samla=WARN",
					"--samla.operator.cli=true", "--spring.quartz.auto-startup=false", "--samla.demo.enabled=false")) {
			return command.run(context);
		}
	}

	static int usage(PrintStream out, int code) {
		out.println("""
				Usage: java -jar samla.jar <command> [options]

				  digest SEND-OUT [--out DIR] [--view organisations|persons] [--language sv|en]
				      write the send-out's digest as HTML, XLSX and CSV into DIR
				  teams-package --app-id GUID [--out FILE] [--app-dir DIR]
				      build the Teams app zip (manifest with the app id, icons) to upload
				  validate [--conversations DIR] [--scheduler DIR]
				      check the questionnaire and send-out files; exit 1 listing file:line: problem
				  import-directory [--dry-run] [--organisations FILE] [--people FILE] [--activities FILE]
				      import directory CSV files (semicolon-separated, UTF-8 or Windows-1252);
				      all rows of a file or none; --dry-run only reports
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

				Without a command the service starts.""");
		return code;
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
