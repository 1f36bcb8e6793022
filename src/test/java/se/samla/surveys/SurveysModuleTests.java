package se.samla.surveys;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module starts on its own with the shipped questionnaires and stores their versions.
 */
@ApplicationModuleTest
class SurveysModuleTests {

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsWithTheShippedQuestionnairesAndStoresTheirVersions() {
		assertThat(this.questionnaires.current()).extracting((questionnaire) -> questionnaire.id().value())
			.containsExactly("steg1", "steg2", "uppfoljning");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM questionnaire_version").query(Integer.class).single())
			.isEqualTo(3);
	}

}
