package se.samla.teams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import se.samla.support.TeamsActivities;

/**
 * Activities are read whatever the form of the fields Samla does not need; only what is
 * not an activity at all is not read.
 */
class ActivityReaderTests {

	static final ObjectMapper json = new ObjectMapper();

	final TeamsActivities chat = TeamsActivities.from("29:lena", "5a2c6d8e-9f0b-4c1d-8e3f-4a5b6c7d8e9f",
			"https://smba.trafficmanager.net/emea/");

	@ParameterizedTest
	@CsvSource({ "2026-12-04T08:01:37Z, 2026-12-04T08:01:37Z", "2026-12-04T08:01:37+00:00, 2026-12-04T08:01:37Z",
			"2026-12-04T09:01:37+01:00, 2026-12-04T08:01:37Z", "2026-12-04T09:01:37.25+01:00, 2026-12-04T08:01:37.250Z",
			"2026-12-04T09:01:37.1234567+0100, 2026-12-04T08:01:37.1234567Z",
			"2026-12-04T03:01-05:00, 2026-12-04T08:01:00Z" })
	void readsValidIsoTimestampsInEveryFormAsTheSameInstant(String timestamp, Instant expected) throws Exception {
		ObjectNode activity = (ObjectNode) json.readTree(this.chat.message("a1", "Svar."));
		activity.put("timestamp", timestamp);
		activity.put("localTimestamp", timestamp);
		Activity read = ActivityReader.read(activity.toString()).orElseThrow();
		assertThat(read.getTimestamp().toInstant()).isEqualTo(expected);
		assertThat(read.getLocalTimestamp().toInstant()).isEqualTo(expected);
		assertThat(read.getText()).isEqualTo("Svar.");
	}

	@Test
	void readsAnActivityWithAnUnreadableTimestamp() throws Exception {
		ObjectNode activity = (ObjectNode) json.readTree(this.chat.message("a1", "Svar."));
		activity.put("timestamp", "igår kväll");
		Activity read = ActivityReader.read(activity.toString()).orElseThrow();
		assertThat(read.getId()).isEqualTo("a1");
		assertThat(read.getText()).isEqualTo("Svar.");
	}

	@Test
	void leavesOutOnlyTheFieldsTheSdkCannotRead() throws Exception {
		ObjectNode activity = (ObjectNode) json.readTree(this.chat.message("a1", "Svar."));
		activity.put("attachments", 5);
		((ObjectNode) activity.get("from")).putArray("role").add(1);
		Activity read = ActivityReader.read(activity.toString()).orElseThrow();
		assertThat(read.getText()).isEqualTo("Svar.");
		assertThat(read.getFrom().getAadObjectId()).isEqualTo("5a2c6d8e-9f0b-4c1d-8e3f-4a5b6c7d8e9f");
		assertThat(read.getConversation().getId()).isEqualTo("a:conv-5a2c6d8e-9f0b-4c1d-8e3f-4a5b6c7d8e9f");
		assertThat(read.getAttachments()).isNullOrEmpty();
	}

	@Test
	void whatIsNotAnActivityIsNotRead() {
		assertThat(ActivityReader.read("[1, 2]")).isEmpty();
		assertThat(ActivityReader.read("{\"text\": \"no type\"}")).isEmpty();
		assertThat(ActivityReader.read("{\"type\": ")).isEmpty();
		assertThat(ActivityReader.read("")).isEmpty();
	}

}
