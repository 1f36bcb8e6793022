package se.samla;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Samla starts on its shipped data, and a malformed definition stops it with file and
 * line.
 */
class StartupTests {

	@Test
	void startsOnTheShippedQuestionnairesDirectoryAndSendOuts() {
		try (ConfigurableApplicationContext context = app().run()) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void refusesToStartWithAMalformedQuestionnaireNamingFileAndLine(@TempDir Path dir) throws IOException {
		Files.copy(Path.of("conversations/steg2.yml"), dir.resolve("steg2.yml"));
		Files.copy(Path.of("conversations/steg1.yml"), dir.resolve("steg1.yml"));
		Files.copy(Path.of("conversations/uppfoljning.yml"), dir.resolve("uppfoljning.yml"));
		Files.writeString(dir.resolve("extra.yml"), """
				id: extra
				title: Extra
				questions:
				  - id: val
				    type: single-choice
				    text: Välj ett alternativ
				""");

		assertThatThrownBy(() -> app().run("--samla.surveys.location=" + dir).close())
			.hasStackTraceContaining("extra.yml:4")
			.hasStackTraceContaining("options");
	}

	@Test
	void refusesToStartWithASendOutThatAsksAnUnknownQuestionnaire(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("fel.yml"), """
				id: fel
				title: Fel
				questionnaire: steg9
				audience:
				  networks: [HR-chefsnätverket]
				opens: 2026-11-24T08:00
				deadline: 2026-12-18
				""");

		assertThatThrownBy(() -> app().run("--samla.campaigns.location=" + dir).close())
			.hasStackTraceContaining("fel.yml:1: asks questionnaire 'steg9'");
	}

	private static SpringApplicationBuilder app() {
		return new SpringApplicationBuilder(SamlaApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_DELAY=-1",
					"spring.main.banner-mode=off");
	}

}
