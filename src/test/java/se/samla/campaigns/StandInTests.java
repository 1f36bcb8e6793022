package se.samla.campaigns;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.campaigns.RecordingChannels.Delivered;
import se.samla.campaigns.RecordingChannels.Recorder;
import se.samla.campaigns.RecordingChannels.Recording;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.directory.PreferredChannel;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is reported sent that was not sent: with email configured and Teams not, real
 * channels come before the Teams stand-in, and a message only the stand-in could take is
 * recorded as logged (never sent), shown as such, and sent again on request once a real
 * channel reaches the person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "samla.campaigns.location=src/test/resources/no-send-outs")
@Import({ TestClockConfiguration.class, StandInTests.EmailOnly.class })
class StandInTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@Autowired
	SendOuts sendOuts;

	@Autowired
	SendOutOperations operations;

	@Autowired
	SendOutQueries queries;

	@Autowired
	ContactRoutes routes;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	Directory directory;

	@Autowired
	Recorder recorder;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private int counter;

	@BeforeEach
	void reset() {
		this.recorder.reset();
		// Each test counts the messages of its own send-out only.
		this.jdbc.sql("DELETE FROM outbox").update();
		this.jdbc.sql("DELETE FROM contact_route").update();
		this.clock.set(LocalDateTime.of(2026, 12, 1, 9, 0).atZone(STOCKHOLM).toInstant());
		ChiefsSendOuts.closeAllOpen(this.sendOuts, this.operations);
	}

	@Test
	void aTeamsPreferredPersonGetsEmailWhenTeamsIsNotConfigured() {
		Person teamsUser = teamsUser();
		SendOutId id = define();
		DispatchReport report = this.dispatcher.run();

		assertThat(to(id, teamsUser)).extracting(Delivered::channel).containsExactly(Channel.EMAIL);
		assertThat(report.logged()).isZero();
		assertThat(report.delivered()).isEqualTo(recipients(id));
		assertThat(status(id, teamsUser).summary()).isEqualTo("invited");
		assertThat(status(id, teamsUser).invitedBy()).isEqualTo(Channel.EMAIL);
	}

	@Test
	void aMessageOnlyAStandInCouldTakeIsLoggedNotSentAndShownAsSuch() {
		Person teamsUser = teamsUser();
		this.routes.markUnreachable(teamsUser.id(), Channel.EMAIL, "5.1.1 user unknown");
		SendOutId id = define();
		DispatchReport report = this.dispatcher.run();

		assertThat(to(id, teamsUser)).isEmpty();
		assertThat(report.logged()).isOne();
		assertThat(report.delivered()).isEqualTo(recipients(id) - 1);
		var row = this.jdbc.sql("SELECT status, reference FROM outbox WHERE send_out_id = ? AND person_id = ?")
			.params(id.value(), teamsUser.id().value())
			.query((rs, n) -> List.of(rs.getString("status"), rs.getString("reference")))
			.single();
		assertThat(row.get(0)).isEqualTo("LOGGED");
		assertThat(row.get(1)).startsWith("logged:");
		RecipientStatus status = status(id, teamsUser);
		assertThat(status.summary()).isEqualTo("logged only (no channel configured)");
		assertThat(status.invitedAt()).isNull();
		assertThat(status.noRoute()).isFalse();
	}

	@Test
	void resendLoggedSendsWhatAStandInOnlyLoggedOnceARealChannelReachesThePerson() {
		Person teamsUser = teamsUser();
		this.routes.markUnreachable(teamsUser.id(), Channel.EMAIL, "mailbox full");
		SendOutId id = define();
		this.dispatcher.run();
		this.routes.markReachable(teamsUser.id(), Channel.EMAIL);

		assertThat(this.operations.resendLogged(id)).isOne();
		DispatchReport report = this.dispatcher.run();

		assertThat(report.delivered()).isOne();
		assertThat(to(id, teamsUser)).extracting(Delivered::kind, Delivered::channel)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MessageKind.INVITATION, Channel.EMAIL));
		assertThat(status(id, teamsUser).summary()).isEqualTo("invited");
		assertThat(this.operations.resendLogged(id)).as("nothing left to resend").isZero();
	}

	@Test
	void resendLoggedFindsWhatAnEarlierVersionCountedAsSentAndLeavesRealSendsAlone() {
		SendOutId id = define();
		this.dispatcher.run();
		Person swallowed = this.directory.members(Network.HR_CHEFSNATVERKET).get(0);
		// What an earlier version wrote for a message its stand-in logged.
		this.jdbc.sql("UPDATE outbox SET reference = 'logged:' || message_key WHERE send_out_id = ? AND person_id = ?")
			.params(id.value(), swallowed.id().value())
			.update();

		assertThat(this.operations.resendLogged(id)).isOne();
		assertThat(this.jdbc.sql("SELECT status FROM outbox WHERE send_out_id = ? AND person_id = ?")
			.params(id.value(), swallowed.id().value())
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE send_out_id = ? AND status = 'SENT'")
			.param(id.value())
			.query(Integer.class)
			.single()).isEqualTo(recipients(id) - 1);
	}

	private Person teamsUser() {
		return this.directory.people()
			.stream()
			.filter(p -> p.preferredChannel() == PreferredChannel.TEAMS && p.teams() != null && p.email() != null)
			.filter(p -> p.isMemberOf(Network.SOCIALCHEFSNATVERKET) || p.isMemberOf(Network.HR_CHEFSNATVERKET))
			.findFirst()
			.orElseThrow();
	}

	private SendOutId define() {
		return ChiefsSendOuts.openNow(this.sendOuts, this.clock.instant(), "stand-in-" + (++this.counter));
	}

	private int recipients(SendOutId id) {
		return this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).size();
	}

	private RecipientStatus status(SendOutId id, Person person) {
		return this.queries.recipients(id)
			.stream()
			.filter(status -> status.person().equals(person.id()))
			.findFirst()
			.orElseThrow();
	}

	private List<Delivered> to(SendOutId id, Person person) {
		return this.recorder.deliveries()
			.stream()
			.filter(d -> d.key().startsWith(id.value() + "/") && d.person().equals(person.id()))
			.toList();
	}

	/** Email is configured, Teams is not (it gets the stand-in). */
	// Deliberately not @Configuration: imported explicitly, never picked up by component
	// scanning.
	static class EmailOnly {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		MessageChannel recordingEmail(Recorder recorder) {
			return new Recording(Channel.EMAIL, recorder);
		}

	}

}
