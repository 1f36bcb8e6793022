package se.samla.ops;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.samla.answers.ResponseId;
import se.samla.answers.StepKey;
import se.samla.directory.ActivityId;
import se.samla.directory.OrganisationId;
import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Typed ids are plain strings in JSON, both ways. */
class JsonIdsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UUID UUID_VALUE = UUID.fromString("5f0c1f5e-8f6a-4d55-9a55-2f2b3c4d5e6f");

	@Test
	void writesEveryIdAsItsValue() {
		assertThat(JSON.writeValueAsString(new SendOutId("steg2-2026"))).isEqualTo("\"steg2-2026\"");
		assertThat(JSON.writeValueAsString(new QuestionnaireId("steg2"))).isEqualTo("\"steg2\"");
		assertThat(JSON.writeValueAsString(new OrganisationId("region-orebro-lan"))).isEqualTo("\"region-orebro-lan\"");
		assertThat(JSON.writeValueAsString(new ActivityId("A1"))).isEqualTo("\"A1\"");
		assertThat(JSON.writeValueAsString(new PersonId(UUID_VALUE))).isEqualTo("\"" + UUID_VALUE + "\"");
		assertThat(JSON.writeValueAsString(new ResponseId(UUID_VALUE))).isEqualTo("\"" + UUID_VALUE + "\"");
		assertThat(JSON.writeValueAsString(new StepKey("status", "A3"))).isEqualTo("\"status@A3\"");
	}

	@Test
	void readsEveryIdFromItsValue() {
		assertThat(JSON.readValue("\"steg2-2026\"", SendOutId.class)).isEqualTo(new SendOutId("steg2-2026"));
		assertThat(JSON.readValue("\"steg2\"", QuestionnaireId.class)).isEqualTo(new QuestionnaireId("steg2"));
		assertThat(JSON.readValue("\"region-orebro-lan\"", OrganisationId.class))
			.isEqualTo(new OrganisationId("region-orebro-lan"));
		assertThat(JSON.readValue("\"A1\"", ActivityId.class)).isEqualTo(new ActivityId("A1"));
		assertThat(JSON.readValue("\"" + UUID_VALUE + "\"", PersonId.class)).isEqualTo(new PersonId(UUID_VALUE));
		assertThat(JSON.readValue("\"" + UUID_VALUE + "\"", ResponseId.class)).isEqualTo(new ResponseId(UUID_VALUE));
		assertThat(JSON.readValue("\"status@A3\"", StepKey.class)).isEqualTo(new StepKey("status", "A3"));
	}

	@Test
	void refusesAnInvalidIdWhenReading() {
		assertThatException().isThrownBy(() -> JSON.readValue("\"NOT VALID\"", SendOutId.class));
	}

}
