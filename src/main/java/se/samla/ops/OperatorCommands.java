package se.samla.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import se.samla.answers.AuditEntry;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Step;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.DeadlineParser;
import se.samla.campaigns.PreviewedMessage;
import se.samla.campaigns.RecipientFactTexts;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.SendOutOperations;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.UnknownSendOutException;
import se.samla.digests.Digest;
import se.samla.digests.Digests;
import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.IdentityReport;
import se.samla.directory.ImportReport;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.TeamsIdentities;
import se.samla.ops.OperatorCli.UsageException;
import se.samla.email.AcceptedMail;
import se.samla.email.HeldMail;
import se.samla.email.MailExplanation;
import se.samla.email.MailReview;
import se.samla.email.MailInspector;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerFormatter;
import se.samla.teams.TeamsStatus;
import se.samla.teams.TeamsTenants;

/** The operator commands that need Samla's database and services. */
@Component
class OperatorCommands {

	private final DirectoryImport directoryImport;

	private final Directory directory;

	private final SendOuts sendOuts;

	private final ResponseManagement responses;

	private final DateTimeFormatter time;

	private final SendOutOperations operations;

	private final SendOutQueries queries;

	private final MailInspector mail;

	private final MailReview review;

	private final ZoneId zone;

	private final Digests digests;

	private final PersonCommands persons;

	private final TeamsIdentities identities;

	private final ObjectProvider<TeamsTenants> teams;

	// @Lazy: a command's context makes what the command uses; status needs no digest
	// themes and no email parsing
	OperatorCommands(DirectoryImport directoryImport, Directory directory, SendOuts sendOuts,
			ResponseManagement responses, SendOutOperations operations, SendOutQueries queries,
			@Lazy MailInspector mail, @Lazy MailReview review, CampaignProperties campaigns, @Lazy Digests digests,
			@Lazy PersonCommands persons, @Lazy TeamsIdentities identities, ObjectProvider<TeamsTenants> teams) {
		this.identities = identities;
		this.teams = teams;
		this.digests = digests;
		this.persons = persons;
		this.operations = operations;
		this.queries = queries;
		this.mail = mail;
		this.review = review;
		this.zone = campaigns.zone();
		this.directoryImport = directoryImport;
		this.directory = directory;
		this.sendOuts = sendOuts;
		this.responses = responses;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(campaigns.zone());
	}

	/**
	 * Runs a command. What goes wrong is one line on {@code err} (a few for broken
	 * definition files) naming the problem and what is valid, and exit code 1; wrong
	 * usage is thrown for the caller to explain.
	 */
	int run(String command, Options options, PrintStream out, PrintStream err) {
		try {
			return dispatch(command, options, out, err);
		}
		catch (UsageException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			Failures.describe(ex, this::unknown).forEach(err::println);
			return 1;
		}
	}

	private String unknown(UnknownSendOutException ex) {
		String asked = "no send-out '" + ex.id() + "'";
		try {
			List<String> known = this.sendOuts.all().stream().map(sendOut -> sendOut.id().value()).sorted().toList();
			return asked + "; " + (known.isEmpty() ? "there are none yet" : "known: " + String.join(", ", known));
		}
		catch (RuntimeException unavailable) {
			return asked;
		}
	}

	private int dispatch(String command, Options options, PrintStream out, PrintStream err) {
		return switch (command) {
			case "import-directory" -> importDirectory(options, out, err);
			case "resolve-teams" -> {
				options.requireNoMore();
				yield resolveTeams(out);
			}
			case "send-outs" -> {
				options.requireNoMore();
				yield sendOuts(out);
			}
			case "response" -> response(options, out, err);
			case "status" -> status(new SendOutId(options.positional("SEND-OUT")), options, out);
			case "preview" -> preview(options, out);
			case "schedule" -> schedule(options, out);
			case "pause", "resume", "send-now", "close", "extend" -> act(command, options, out);
			case "resend-logged" -> resendLogged(options, out);
			case "eml" -> eml(options, out, err);
			case "review" -> review(options, out);
			case "digest" -> digest(options, out);
			case "person" -> this.persons.run(options, out, err);
			default -> throw new UsageException("unknown command " + command);
		};
	}

	/** Writes a send-out's digest as HTML, XLSX and CSV into a folder. */
	private int digest(Options options, PrintStream out) {
		SendOutId sendOut = new SendOutId(options.positional("SEND-OUT"));
		Path folder = Path.of(options.value("--out", "."));
		String view = options.value("--view", "organisations");
		String languageName = options.value("--language", "sv");
		options.requireNoMore();
		Digest.View chosen = switch (view.toLowerCase(Locale.ROOT)) {
			case "organisations", "organisationer", "organisation" -> Digest.View.ORGANISATIONS;
			case "persons", "personer", "person" -> Digest.View.PERSONS;
			default -> throw new UsageException("--view is organisations or persons, not " + view);
		};
		Language language = switch (languageName.toLowerCase(Locale.ROOT)) {
			case "sv", "en" -> Language.parse(languageName);
			default -> throw new UsageException("--language is sv or en, not " + languageName);
		};
		List<Path> written;
		try (Progress progress = Progress
			.start("digest " + sendOut + " (" + chosen.name().toLowerCase(Locale.ROOT) + ")")) {
			written = this.digests.writeTo(folder, sendOut, chosen, language, progress::step);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		written.forEach(file -> out.println("Wrote " + file));
		return 0;
	}

	private int importDirectory(Options options, PrintStream out, PrintStream err) {
		boolean dryRun = options.flag("--dry-run");
		Map<String, String> files = new LinkedHashMap<>();
		files.put("organisations", options.value("--organisations", null));
		files.put("people", options.value("--people", null));
		files.put("activities", options.value("--activities", null));
		options.requireNoMore();
		if (files.values().stream().allMatch(file -> file == null)) {
			throw new UsageException("import-directory needs --organisations, --people and/or --activities");
		}
		int failures = 0;
		for (Map.Entry<String, String> entry : files.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			Path file = Path.of(entry.getValue());
			try (Progress progress = Progress.start("import-directory " + file.getFileName());
					InputStream csv = Files.newInputStream(file)) {
				String name = file.toString();
				ImportReport report = switch (entry.getKey()) {
					case "organisations" -> this.directoryImport.importOrganisations(name, csv, dryRun);
					case "people" -> this.directoryImport.importPeople(name, csv, dryRun);
					default -> this.directoryImport.importActivities(name, csv, dryRun);
				};
				out.printf("%s: %s%s — %d new, %d updated, %d unchanged, %d rejected%n", name,
						report.dryRun() ? "dry run, " : "",
						report.applied() ? "imported" : (report.rejected().isEmpty() ? "nothing written" : "REJECTED"),
						report.created(), report.updated(), report.unchanged(), report.rejected().size());
				report.rejected().forEach(row -> err.printf("%s:%d: %s%n", name, row.line(), row.reason()));
				if (!report.rejected().isEmpty()) {
					failures++;
				}
			}
			catch (IOException ex) {
				Failures.describe(ex, null).forEach(err::println);
				failures++;
			}
		}
		if (failures == 0 && !dryRun && files.get("people") != null) {
			resolveTeams(out);
		}
		return (failures > 0) ? 1 : 0;
	}

	/** One line per person looked up in Graph, then the counts. */
	private int resolveTeams(PrintStream out) {
		IdentityReport report;
		try (Progress progress = Progress.start("resolve-teams")) {
			report = this.identities.resolve();
		}
		for (IdentityReport.Entry entry : report.people()) {
			out.printf("%-16s %-36s %-16s %s%n", entry.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
					entry.person().email(), entry.person().organisation().value(), entry.detail());
		}
		out.println(report.summary());
		return 0;
	}

	private int status(SendOutId sendOut, Options options, PrintStream out) {
		options.requireNoMore();
		// read first: a send-out that does not exist gets its one line, without a header
		List<RecipientStatus> recipients = this.queries.recipients(sendOut);
		RecipientFactTexts why = this.queries.texts();
		out.printf("%-28s %-16s %-36s %-16s %-6s %s%n", "NAME", "ORGANISATION", "STATUS", "INVITED", "BY", "WHY");
		for (RecipientStatus status : recipients) {
			out.printf("%-28s %-16s %-36s %-16s %-6s %s%n", status.name(), status.organisation(), status.summary(),
					(status.invitedAt() != null) ? this.time.format(status.invitedAt()) : "-",
					(status.invitedBy() != null) ? status.invitedBy() : "-",
					why.describe(status.reasons(), Language.EN));
		}
		TeamsTenants teams = this.teams.getIfAvailable();
		if (teams != null) {
			printTeams(teams.status(), out);
		}
		return 0;
	}

	/**
	 * The bot's registrations and what keeps it from a tenant: whoever it cannot reach
	 * gets email, and this says why.
	 */
	private void printTeams(TeamsStatus teams, PrintStream out) {
		out.println();
		out.println("Teams");
		for (TeamsStatus.RegistrationLine registration : teams.registrations()) {
			out.printf("  tenant %-36s app %-36s %s%s%s%n", registration.tenantId(), registration.appId(),
					registration.credential(),
					registration.organisations().isEmpty() ? ""
							: ", organisations " + String.join(", ", registration.organisations()),
					registration.servesEveryone() ? ", serves tenants without a registration of their own" : "");
		}
		if (teams.problems().isEmpty()) {
			out.println("  no problems: every tenant's registration works");
		}
		for (TeamsStatus.Problem problem : teams.problems()) {
			out.printf("  PROBLEM tenant %s %s (%d time(s), last %s): %s%n", problem.tenantId(), problem.kind(),
					problem.occurrences(), this.time.format(problem.lastAt()), problem.reason());
		}
	}

	private int preview(Options options, PrintStream out) {
		SendOutId sendOut = new SendOutId(options.positional("SEND-OUT"));
		LocalDate day = LocalDate.parse(options.positional("DATE"));
		options.requireNoMore();
		List<PreviewedMessage> messages;
		try (Progress progress = Progress.start("preview " + sendOut + " " + day)) {
			messages = this.queries.preview(sendOut, day);
		}
		if (messages.isEmpty()) {
			out.println("Nothing planned for " + day + ".");
		}
		for (PreviewedMessage message : messages) {
			out.printf("%s  %-24s %-6s %s%n", this.time.format(message.plannedAt()), message.label(),
					(message.channel() != null) ? message.channel() : "none", message.name());
		}
		return 0;
	}

	private int schedule(Options options, PrintStream out) {
		SendOutId sendOut = new SendOutId(options.positional("SEND-OUT"));
		options.requireNoMore();
		return new ScheduleCommand(this.queries, this.time).run(sendOut, out);
	}

	private int act(String command, Options options, PrintStream out) {
		SendOutId sendOut = new SendOutId(options.positional("SEND-OUT"));
		switch (command) {
			case "pause" -> this.operations.pause(sendOut);
			case "resume" -> this.operations.resume(sendOut);
			case "close" -> this.operations.close(sendOut);
			case "extend" -> this.operations.extendDeadline(sendOut,
					DeadlineParser.parse(options.positional("DEADLINE"), this.zone));
			default -> {
				// A command never delivers: its channels are not the service's (see
				// README).
				var report = this.operations.recordNow(sendOut);
				out.printf("%d message(s) recorded; %s%n", report.recorded(), whoDelivers());
			}
		}
		options.requireNoMore();
		SendOut after = this.sendOuts.find(sendOut).orElseThrow();
		out.printf("%s: %s, deadline %s%n", sendOut, this.sendOuts.state(after), this.time.format(after.deadline()));
		return 0;
	}

	private int resendLogged(Options options, PrintStream out) {
		SendOutId sendOut = new SendOutId(options.positional("SEND-OUT"));
		options.requireNoMore();
		int requeued = this.operations.resendLogged(sendOut);
		out.printf("%d message(s) that were only logged (no channel configured) are queued to be sent again; %s%n",
				requeued, whoDelivers());
		return 0;
	}

	private String whoDelivers() {
		return this.operations.serviceRunning() ? "the running service delivers them on its next dispatch run."
				: "no Samla service is running against this database: they go out when it starts.";
	}

	private int review(Options options, PrintStream out) {
		if (options.flag("accept")) {
			boolean replace = options.flag("--replace");
			String operator = options.value("--operator", System.getProperty("user.name", "operator"));
			UUID id = heldId(options.positional("ID"));
			String email = options.positional("PERSON");
			options.requireNoMore();
			Person person = this.directory.personByEmail(email)
				.orElseThrow(() -> new IllegalArgumentException("no person " + email + " in the directory"));
			AcceptedMail accepted = this.review.accept(id, person.id(), operator, replace);
			out.println(id + ": " + accepted.outcome() + " for " + person.email() + " (operator " + operator + ")");
			if (!accepted.recorded().isEmpty()) {
				out.println("  recorded: questions " + numbers(accepted.recorded()));
			}
			if (!accepted.replaced().isEmpty()) {
				out.println("  replaced: questions " + numbers(accepted.replaced()));
			}
			if (!accepted.kept().isEmpty()) {
				out.println("  kept the person's own answer: questions " + numbers(accepted.kept())
						+ " (accept with --replace to take the email's)");
			}
			if (accepted.confirmedTo() != null) {
				out.println("  confirmation sent to " + accepted.confirmedTo());
			}
			else if ("RECORDED".equals(accepted.outcome())) {
				// a command process has no mail server of its own: say so rather than
				// let the operator believe the person was told
				out.println("  no confirmation sent: email is not configured where this command ran; accept through"
						+ " the running service (POST /api/email/review/{id}/accept) to confirm to the person");
			}
			return 0;
		}
		if (options.flag("discard")) {
			UUID id = heldId(options.positional("ID"));
			options.requireNoMore();
			this.review.discard(id);
			out.println(id + ": DISCARDED");
			return 0;
		}
		options.requireNoMore();
		List<HeldMail> held = this.review.held();
		if (held.isEmpty()) {
			out.println("No email is held for review.");
		}
		for (HeldMail mail : held) {
			out.printf("%s  held %s: %s%n", mail.id(), this.time.format(mail.receivedAt()), mail.reason());
			out.printf("  From:     %s%n", mail.from());
			out.printf("  Subject:  %s%n", mail.subject());
			out.printf("  Date:     %s%n", (mail.date() != null) ? this.time.format(mail.date()) : "-");
			out.printf("  Token of: %s (send-out %s)%n", mail.invited(), mail.sendOut());
			out.printf("  Would:    %s%n", (mail.outcome() != null) ? mail.outcome() : "-");
			for (HeldMail.Answer answer : mail.answers()) {
				if (answer.inEmail() == null && answer.recorded() == null) {
					continue;
				}
				out.printf("  %d. %s%n", answer.number(), answer.question());
				out.printf("     in the email: %s%n", indent(answer.inEmail()));
				out.printf("     recorded now: %s%n", indent(answer.recorded()));
			}
		}
		return 0;
	}

	private static UUID heldId(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("ID must be the id `review` lists, not " + value);
		}
	}

	private static String indent(String text) {
		return (text != null) ? text.replace("\n", "\n                   ") : "-";
	}

	private static String numbers(List<Integer> numbers) {
		return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private int eml(Options options, PrintStream out, PrintStream err) {
		Path file = Path.of(options.positional("FILE"));
		options.requireNoMore();
		byte[] raw;
		try {
			raw = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			MailExplanation explanation = this.mail.explain(raw);
			out.println(JsonMapper.builder()
				.enable(SerializationFeature.INDENT_OUTPUT)
				.build()
				.writeValueAsString(explanation));
			return 0;
		}
		catch (Exception ex) {
			err.println(file + ": cannot be read as an email: " + ex.getMessage());
			return 1;
		}
	}

	private int sendOuts(PrintStream out) {
		out.printf("%-24s %-12s %-10s %-16s %-16s %10s %8s %9s%n", "SEND-OUT", "QUESTIONS", "STATE", "OPENS",
				"DEADLINE", "RECIPIENTS", "STARTED", "SUBMITTED");
		for (SendOut sendOut : this.sendOuts.all()) {
			var started = this.responses.responses(sendOut.id());
			out.printf("%-24s %-12s %-10s %-16s %-16s %10d %8d %9d%n", sendOut.id(), sendOut.questionnaire(),
					this.sendOuts.state(sendOut), this.time.format(sendOut.opensAt()),
					this.time.format(sendOut.deadline()), this.sendOuts.recipients(sendOut).size(), started.size(),
					started.stream().filter(ResponseState::isSubmitted).count());
		}
		return 0;
	}

	private int response(Options options, PrintStream out, PrintStream err) {
		SendOutId sendOut = new SendOutId(options.positional("SEND-OUT"));
		String who = options.positional("PERSON");
		options.requireNoMore();
		this.sendOuts.find(sendOut).orElseThrow(() -> new UnknownSendOutException(sendOut));
		Optional<Person> person = who.contains("@") ? this.directory.personByEmail(who)
				: parseId(who).flatMap(this.directory::person);
		if (person.isEmpty()) {
			err.println("No person " + who + " in the directory.");
			return 1;
		}
		Optional<ResponseState> found = this.responses.find(sendOut, person.get().id());
		if (found.isEmpty()) {
			err.println(person.get().name() + " has not started a response to " + sendOut + ".");
			return 1;
		}
		ResponseState state = found.get();
		Language language = person.get().language();
		out.printf("%s — %s (%s)%n", state.questionnaire().title().in(language), person.get().name(),
				person.get().email());
		out.printf("Response %s, questionnaire version %s, %s%s%n", state.id(), state.questionnaire().version(),
				state.status(), (state.submittedAt() != null) ? " at " + this.time.format(state.submittedAt()) : "");
		for (Step step : state.steps()) {
			out.printf("%nFråga %d av %d%s: %s%n", step.number(), step.of(),
					(step.itemLabel() != null) ? " [" + step.itemLabel() + "]" : "",
					step.question().text().in(language));
			String answer = step.skipped() ? "(överhoppad)" : step.isAnswered()
					? AnswerFormatter.format(step.question(), step.answer(), language) : "(inget svar)";
			answer.lines().forEach(line -> out.println("  " + line));
		}
		out.println();
		out.println("Audit trail:");
		for (AuditEntry entry : this.responses.history(state.id())) {
			out.printf("  %s  %-9s %-10s %-8s %s%s%n", this.time.format(entry.at()), entry.action(),
					(entry.step() != null) ? entry.step() : "", entry.channel(),
					(entry.sourceMessageId() != null) ? entry.sourceMessageId() : "",
					(entry.operator() != null)
							? "  by operator " + entry.operator()
									+ ((entry.originalSender() != null) ? ", sent by " + entry.originalSender() : "")
							: "");
		}
		return 0;
	}

	private static Optional<PersonId> parseId(String value) {
		try {
			return Optional.of(new PersonId(UUID.fromString(value)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
