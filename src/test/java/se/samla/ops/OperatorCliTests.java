package se.samla.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.IntSupplier;

import org.assertj.core.api.InstanceOfAssertFactories;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samla.SamlaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator commands that need no running Samla. */
class OperatorCliTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void validatesTheShippedQuestionnairesAndSendOuts() {
		int code = run("validate");

		assertThat(code).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("OK");
	}

	@Test
	void reportsEveryBrokenFileWithItsLineAndExitsWithOne(@TempDir Path dir) throws IOException {
		Path conversations = Files.createDirectories(dir.resolve("conversations"));
		Path scheduler = Files.createDirectories(dir.resolve("scheduler"));
		Files.writeString(conversations.resolve("trasig.yml"), """
				id: trasig
				title: Trasig
				questions:
				  - id: q1
				    type: choise
				    text: Vad?
				""");
		Files.writeString(scheduler.resolve("utskick.yml"), """
				id: utskick
				title: Utskick
				questionnaire: finns-inte
				audience:
				  networks: [Socialchefsnätverket]
				opens: 2026-11-24T08:00
				deadline: 2026-11-01
				""");

		int code = run("validate", "--conversations", conversations.toString(), "--scheduler", scheduler.toString());

		assertThat(code).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("trasig.yml:5:")
			.contains("choise")
			.contains("utskick.yml:")
			.contains("deadline must come after the opening time");
	}

	@Test
	void reportsASendOutKeyWrittenTwiceInsteadOfLettingTheLastWin(@TempDir Path dir) throws IOException {
		Path scheduler = Files.createDirectories(dir.resolve("scheduler"));
		Files.copy(Path.of("scheduler/steg2-2026.yml"), scheduler.resolve("steg2-2026.yml"));
		Files.writeString(scheduler.resolve("steg2-2026.yml"), "deadline: 2027-01-15\n", StandardOpenOption.APPEND);
		List<String> lines = Files.readAllLines(scheduler.resolve("steg2-2026.yml"));
		int first = lines.stream()
			.filter((text) -> text.startsWith("deadline:"))
			.findFirst()
			.map(lines::indexOf)
			.orElseThrow() + 1;

		int code = run("validate", "--scheduler", scheduler.toString());

		assertThat(first).isPositive();
		assertThat(code).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(
				"steg2-2026.yml:" + lines.size() + ": key 'deadline' appears twice (first on line " + first + ")");
	}

	@Test
	void buildsTheTeamsAppPackageWithTheAppId(@TempDir Path dir) throws IOException {
		Path zip = dir.resolve("samla-teams.zip");
		int code = run("teams-package", "--app-id", "8d7a1c52-5f2e-4c55-9d8e-0c6c5b1b2a01", "--out", zip.toString());

		assertThat(code).isZero();
		try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
			String manifest = new String(file.getInputStream(file.getEntry("manifest.json")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(manifest).contains("8d7a1c52-5f2e-4c55-9d8e-0c6c5b1b2a01").doesNotContain("${");
		}
	}

	@Test
	void buildsEachTenantsPackageWithThatTenantsAppAndRefusesAnUnknownTenant(@TempDir Path dir) throws IOException {
		Path tenants = dir.resolve("tenants.csv");
		java.nio.file.Files.writeString(tenants, """
				Organisation;Tenant-id;App-id;Certificate;Installera-app
				askersund;a1a1a1a1-0000-4000-8000-000000000001;aaaa0001-1111-4111-8111-111111111111;;
				degerfors;d2d2d2d2-0000-4000-8000-000000000002;dddd0002-2222-4222-8222-222222222222;;
				""");
		Path zip = dir.resolve("degerfors.zip");

		int code = run("teams-package", "--tenants", tenants.toString(), "--tenant", "degerfors", "--out",
				zip.toString());

		assertThat(code).isZero();
		try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
			String manifest = new String(file.getInputStream(file.getEntry("manifest.json")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(manifest).contains("dddd0002-2222-4222-8222-222222222222")
				.doesNotContain("aaaa0001-1111-4111-8111-111111111111");
		}
		assertThat(run("teams-package", "--tenants", tenants.toString(), "--tenant", "nora")).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8).strip().lines())
			.anyMatch(line -> line.startsWith("no registration for tenant or organisation 'nora'")
					&& line.contains("askersund"));
	}

	@Test
	void refusesToBuildTheTeamsAppPackageWithoutAnAppId() {
		int code = run("teams-package", "--app-id", "not-a-guid");

		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).containsIgnoringCase("guid");
	}

	@Test
	void explainsUsageForWrongArguments() {
		int code = run("validate", "--unknown");

		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unexpected argument").contains("Usage:");
	}

	@Test
	void startsTheServiceOnlyWithoutArgumentsOrWithSpringsOptions() {
		assertThat(OperatorCli.handles(new String[0])).isFalse();
		assertThat(OperatorCli.handles(new String[] { "--server.port=9090" })).isFalse();
		assertThat(OperatorCli.handles(new String[] { "--spring.profiles.active=local", "--server.port=0" })).isFalse();
		assertThat(OperatorCli.handles(new String[] { "validate" })).isTrue();
		assertThat(OperatorCli.handles(new String[] { "frobnicate" })).isTrue();
		assertThat(OperatorCli.handles(new String[] { "--help" })).isTrue();
	}

	@Test
	void refusesAnUnknownCommandWithOneLineAndTheUsageStartingNothing() {
		int code = run("frobnicate", "steg2-2026");

		assertThat(code).isEqualTo(2);
		assertThat(errors().lines().findFirst()).hasValueSatisfying(
				line -> assertThat(line).startsWith("unknown command 'frobnicate'").doesNotContain("did you mean"));
		assertThat(errors()).contains("Usage:");
		assertThat(output()).isEmpty();
	}

	@Test
	void suggestsTheCommandAMistypedOneIsCloseTo() {
		assertThat(run("sendouts")).isEqualTo(2);
		assertThat(errors().lines().findFirst()).hasValue(
				"unknown command 'sendouts' (did you mean 'send-outs'?); the commands are listed below (without a command the service starts)");
	}

	@Test
	void showsTheUsageOnHelp() {
		assertThat(run("--help")).isZero();
		assertThat(output()).startsWith("Usage:");
	}

	@Test
	void runsACommandInItsOwnContextAgainstTheConfiguredDatabase() {
		// the tests' configuration gives each context a database of its own in memory
		int code = run("status", "steg2-2026");

		assertThat(code).isZero();
		assertThat(output()).contains("NAME").contains("STATUS");
		assertThat(errors()).isEmpty();
	}

	@Test
	void namesAnUnknownSendOutAndTheKnownOnesInOneLine() {
		int code = run("pause", "nope-2026");

		assertThat(code).isEqualTo(1);
		assertThat(errors().lines()).singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("no send-out 'nope-2026'; known: steg2-2026, uppfoljning-2025, uppfoljning-2026");
	}

	@Test
	void reportsBrokenQuestionnairesAtStartInAFewLinesWithoutAStackTrace(@TempDir Path dir) throws IOException {
		Path conversations = Files.createDirectories(dir.resolve("conversations"));
		Files.writeString(conversations.resolve("trasig.yml"), """
				id: trasig
				title: Trasig
				questions:
				  - id: q1
				    type: choise
				    text: Vad?
				""");

		int code = withProperty("samla.surveys.location", conversations.toString(), () -> run("send-outs"));

		assertThat(code).isEqualTo(1);
		assertThat(errors().lines().toList()).hasSizeBetween(2, 4)
			.first(InstanceOfAssertFactories.STRING)
			.startsWith("Samla could not start the command: 1 problem(s) in the questionnaire file(s)");
		assertThat(errors()).contains("trasig.yml:5:").doesNotContain("Exception").doesNotContain("at se.samla");
	}

	@Test
	void reportsADatabaseThatCannotBeOpenedInOneLine(@TempDir Path dir) throws IOException {
		Path notAFolder = Files.writeString(dir.resolve("file"), "");

		int code = withProperty("spring.datasource.url", "jdbc:h2:file:" + notAFolder.resolve("samla"),
				() -> run("send-outs"));

		assertThat(code).isEqualTo(1);
		assertThat(errors().lines()).singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("Samla could not start the command: database: ")
			.doesNotContain("Exception")
			.doesNotContain("at se.samla");
	}

	private static int withProperty(String name, String value, IntSupplier run) {
		String before = System.getProperty(name);
		System.setProperty(name, value);
		try {
			return run.getAsInt();
		}
		finally {
			if (before != null) {
				System.setProperty(name, before);
			}
			else {
				System.clearProperty(name);
			}
		}
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private int run(String... args) {
		return OperatorCli.run(SamlaApplication.class, args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
