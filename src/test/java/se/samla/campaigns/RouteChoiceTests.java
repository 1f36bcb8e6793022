package se.samla.campaigns;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.RecordingChannels.Behaviour;
import se.samla.campaigns.RecordingChannels.Delivered;
import se.samla.campaigns.RecordingChannels.Recorder;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PreferredChannel;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which route each message takes: the preferred channel, the other one when the first
 * cannot reach the person, the project leads told when neither can; and every message
 * exactly once, however many dispatchers run at the same time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "samla.campaigns.location=src/test/resources/no-send-outs")
@Import({ TestClockConfiguration.class, RecordingChannels.class })
class RouteChoiceTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@Autowired
	SendOuts sendOuts;

	@Autowired
	ContactRoutes routes;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	SendOutQueries queries;

	@Autowired
	Directory directory;

	@Autowired
	Recorder recorder;

	@Autowired
	MutableClock clock;

	private int counter;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResponseManagement responses;

	@BeforeEach
	void reset() {
		this.recorder.reset();
		this.jdbc.sql("DELETE FROM contact_route").update();
		this.clock.set(LocalDateTime.of(2026, 12, 1, 9, 0).atZone(STOCKHOLM).toInstant());
	}

	@Test
	void sendsByThePreferredChannel() {
		SendOutId id = define();
		this.dispatcher.run();

		List<Delivered> deliveries = forSendOut(id);
		assertThat(deliveries).hasSize(this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).size());
		for (Delivered delivery : deliveries) {
			Person person = this.directory.person(delivery.person()).orElseThrow();
			assertThat(delivery.channel()).isEqualTo(person.preferredChannel().channel());
		}
	}

	@Test
	void fallsBackToEmailWhenTeamsCannotReachThePersonAndRemembersIt() {
		Person teamsUser = teamsUser();
		this.recorder.set(Channel.TEAMS, teamsUser.id(), Behaviour.UNREACHABLE);
		SendOutId first = define();
		this.dispatcher.run();

		assertThat(to(first, teamsUser)).extracting(Delivered::channel).containsExactly(Channel.EMAIL);
		assertThat(this.routes.isReachable(teamsUser.id(), Channel.TEAMS)).isFalse();

		this.recorder.set(Channel.TEAMS, teamsUser.id(), Behaviour.SEND);
		SendOutId second = define();
		this.dispatcher.run();
		assertThat(to(second, teamsUser)).extracting(Delivered::channel).containsExactly(Channel.EMAIL);
	}

	@Test
	void goesByTeamsWhenTheEmailAddressBounces() {
		Person person = this.directory.people()
			.stream()
			.filter(p -> p.teams() != null && p.preferredChannel() == PreferredChannel.EMAIL)
			.findFirst()
			.orElseGet(this::teamsUser);
		this.routes.markUnreachable(person.id(), Channel.EMAIL, "5.1.1 user unknown");
		SendOutId id = define();
		this.dispatcher.run();

		assertThat(to(id, person)).extracting(Delivered::channel).containsExactly(Channel.TEAMS);
	}

	@Test
	void tellsTheProjectLeadsAboutSomeoneNoChannelCanReach() {
		Person emailOnly = this.directory.members(Network.SOCIALCHEFSNATVERKET)
			.stream()
			.filter(p -> p.teams() == null)
			.findFirst()
			.orElseThrow();
		this.routes.markUnreachable(emailOnly.id(), Channel.EMAIL, "5.1.1 user unknown");
		SendOutId id = define();
		this.dispatcher.run();

		assertThat(to(id, emailOnly)).isEmpty();
		List<Delivered> notices = forSendOut(id).stream().filter(d -> d.kind() == MessageKind.NO_ROUTE).toList();
		assertThat(notices).extracting(Delivered::person)
			.containsExactlyInAnyOrderElementsOf(
					this.directory.members(Network.PROJEKTLEDARE).stream().map(Person::id).toList());
	}

	@Test
	void saysWhyThoseWhoHaveNotAnsweredHaveNot() {
		Person unreachable = this.directory.members(Network.SOCIALCHEFSNATVERKET)
			.stream()
			.filter(p -> p.teams() == null)
			.findFirst()
			.orElseThrow();
		this.routes.markUnreachable(unreachable.id(), Channel.EMAIL, "5.1.1 user unknown");
		Person blocked = teamsUser();
		this.recorder.set(Channel.TEAMS, blocked.id(), Behaviour.UNREACHABLE);
		SendOutId id = define();
		assertThat(this.queries.recipients(id))
			.allSatisfy(status -> assertThat(codes(status)).first().isEqualTo("not-invited"));

		this.dispatcher.run();

		Map<PersonId, RecipientStatus> statuses = this.queries.recipients(id)
			.stream()
			.collect(Collectors.toMap(RecipientStatus::person, status -> status));
		assertThat(codes(statuses.get(unreachable.id()))).containsExactly("no-route", "bounced");
		assertThat(codes(statuses.get(blocked.id()))).containsExactly("teams-unreachable", "no-reply");
		assertThat(this.queries.texts().describe(statuses.get(unreachable.id()).reasons(), Language.EN))
			.contains("the email address " + unreachable.email() + " bounces");
		assertThat(this.queries.texts().describe(statuses.get(blocked.id()).reasons(), Language.SV))
			.contains("nås inte i Teams")
			.contains("inbjuden 1 december 2026 via e-post, inte påmind, inget svar");
		assertThat(statuses.values()).allSatisfy(status -> assertThat(status.reasons()).isNotEmpty());
	}

	@Test
	void neverSaysNoReplyOfSomeoneWhoStartedAnswering() {
		Person person = this.directory.members(Network.HR_CHEFSNATVERKET).get(0);
		SendOutId id = define();
		this.dispatcher.run();
		this.responses.startOrResume(id, person.id(), Channel.EMAIL);

		RecipientStatus status = this.queries.recipients(id)
			.stream()
			.filter(candidate -> candidate.person().equals(person.id()))
			.findFirst()
			.orElseThrow();
		assertThat(codes(status)).contains("in-progress").doesNotContain("no-reply");
		assertThat(this.queries.texts().describe(status.reasons(), Language.EN)).doesNotContain("no reply");
	}

	private static List<String> codes(RecipientStatus status) {
		return status.reasons().stream().map(RecipientFact::code).toList();
	}

	@Test
	void retriesAPassingFailureLaterWithoutASecondCopy() {
		Person person = this.directory.members(Network.HR_CHEFSNATVERKET).get(0);
		this.recorder.set(person.preferredChannel().channel(), person.id(), Behaviour.FAIL);
		SendOutId id = define();
		this.dispatcher.run();
		assertThat(to(id, person)).isEmpty();

		this.recorder.set(person.preferredChannel().channel(), person.id(), Behaviour.SEND);
		this.dispatcher.run();
		this.dispatcher.run();
		assertThat(to(id, person)).hasSize(1);
	}

	@Test
	void deliversEachMessageOnceWhenFourDispatchersRunAtTheSameTime() throws Exception {
		SendOutId id = define();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<DispatchReport>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(this.dispatcher::run);
			}
			for (Future<DispatchReport> run : pool.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<Delivered> deliveries = forSendOut(id);
		Set<String> keys = deliveries.stream().map(Delivered::key).collect(Collectors.toSet());
		assertThat(deliveries).hasSize(keys.size());
		assertThat(keys).hasSize(this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).size());
	}

	private Person teamsUser() {
		return this.directory.people()
			.stream()
			.filter(p -> p.preferredChannel() == PreferredChannel.TEAMS)
			.filter(p -> p.isMemberOf(Network.SOCIALCHEFSNATVERKET) || p.isMemberOf(Network.HR_CHEFSNATVERKET))
			.findFirst()
			.orElseThrow();
	}

	private SendOutId define() {
		return ChiefsSendOuts.openNow(this.sendOuts, this.clock.instant(), "route-" + (++this.counter));
	}

	private List<Delivered> forSendOut(SendOutId id) {
		return this.recorder.deliveries().stream().filter(d -> d.key().startsWith(id.value() + "/")).toList();
	}

	private List<Delivered> to(SendOutId id, Person person) {
		return forSendOut(id).stream().filter(d -> d.person().equals(person.id())).toList();
	}

}
