package se.samla.campaigns;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning one day's messages, and the whole remaining schedule, for a send-out with
 * 10,000 people, through the real database (H2): who is in the audience, who has
 * submitted, what the outbox holds, and the plan for each person. Run with
 * {@code ./mvnw -q test -Pbenchmark}; it prints its figures and asserts no time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "samla.campaigns.location=src/test/resources/no-send-outs")
@Import(TestClockConfiguration.class)
class DispatchPlanningBenchmark {

	private static final int PEOPLE = 10_000;

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@Autowired
	DirectoryImport directoryImport;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	SendOutQueries queries;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Test
	void planningOneDayForTenThousandPeople() {
		StringBuilder csv = new StringBuilder("Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n");
		for (int i = 0; i < PEOPLE; i++) {
			csv.append("Person ")
				.append(i)
				.append(";bench")
				.append(i)
				.append("@example.org;Lekeberg;Enhetschef;;E-post;sv;;\n");
		}
		ImportReport report = this.directoryImport.importPeople("bench.csv",
				new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false);
		assertThat(report.rejected()).isEmpty();
		Instant opens = LocalDateTime.of(2026, 11, 23, 8, 0).atZone(STOCKHOLM).toInstant();
		SendOutId id = new SendOutId("bench");
		this.sendOuts.define(new SendOut(id, "Benchmark", new QuestionnaireId("steg2"),
				new Audience(Set.of(), Set.of(new OrganisationId("lekeberg")), List.of("Enhetschef"), false), opens,
				LocalDateTime.of(2026, 12, 18, 17, 0).atZone(STOCKHOLM).toInstant(), null, null, "benchmark",
				SendOutRules.defaults(STOCKHOLM), null));
		this.clock.set(opens.plusSeconds(60));
		long recordStart = System.nanoTime();
		DispatchReport invitations = this.dispatcher.run();
		double recordMillis = (System.nanoTime() - recordStart) / 1e6;

		List<Double> previews = new ArrayList<>();
		int messages = 0;
		for (int run = 0; run < 13; run++) {
			long start = System.nanoTime();
			messages = this.queries.preview(id, LocalDate.of(2026, 11, 30)).size();
			if (run >= 3) {
				previews.add((System.nanoTime() - start) / 1e6);
			}
		}
		Collections.sort(previews);
		System.out.printf(
				"DISPATCH PLANNING BENCHMARK: %d people; planning 2026-11-30 (reminder 1 for everyone): median %.0f ms, max %.0f ms, %d messages planned; "
						+ "first run recording and handing %d invitations to the stand-in channel (logged): %.0f ms%n",
				PEOPLE, previews.get(previews.size() / 2), previews.get(previews.size() - 1), messages,
				invitations.logged(), recordMillis);
		assertThat(messages).isEqualTo(PEOPLE);

		List<Double> schedules = new ArrayList<>();
		int planned = 0;
		for (int run = 0; run < 13; run++) {
			long start = System.nanoTime();
			planned = this.queries.schedule(id).size();
			if (run >= 3) {
				schedules.add((System.nanoTime() - start) / 1e6);
			}
		}
		Collections.sort(schedules);
		System.out.printf(
				"SCHEDULE BENCHMARK: %d people; the whole remaining schedule (4 reminders each, escalation): median %.0f ms, max %.0f ms, %d messages%n",
				PEOPLE, schedules.get(schedules.size() / 2), schedules.get(schedules.size() - 1), planned);
		assertThat(planned).isGreaterThanOrEqualTo(4 * PEOPLE);
	}

}
