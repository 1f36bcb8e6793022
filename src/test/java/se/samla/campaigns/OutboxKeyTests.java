package se.samla.campaigns;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The outbox key keeps the written form earlier versions stored, so existing rows and the
 * Message-IDs derived from them stay valid.
 */
class OutboxKeyTests {

	private static final SendOutId SEND_OUT = new SendOutId("steg2-2026");

	private static final PersonId PERSON = new PersonId(UUID.fromString("0b6f5d7e-1c2a-4e8b-9a3f-5d6c7b8a9e01"));

	private static final PersonId OTHER = new PersonId(UUID.fromString("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"));

	@Test
	void writesEveryKindAsEarlierVersionsDid() {
		String prefix = "steg2-2026/" + PERSON.value() + "/";
		assertThat(key(new OutboxKey.Invitation()).value()).isEqualTo(prefix + "invitation");
		assertThat(key(new OutboxKey.Reminder(2)).value()).isEqualTo(prefix + "reminder-2");
		assertThat(key(new OutboxKey.Digest(3, false)).value()).isEqualTo(prefix + "digest-3");
		assertThat(key(new OutboxKey.Digest(3, true)).value()).isEqualTo(prefix + "digest-3-card");
		assertThat(key(new OutboxKey.Escalation()).value()).isEqualTo(prefix + "escalation");
		assertThat(key(new OutboxKey.NoRouteNotice(OTHER)).value()).isEqualTo(prefix + "no-route-" + OTHER.value());
		assertThat(key(new OutboxKey.NewLink(3)).value()).isEqualTo(prefix + "new-link-3");
	}

	@Test
	void readsBackWhatItWrites() {
		for (OutboxKey.Kind kind : new OutboxKey.Kind[] { new OutboxKey.Invitation(), new OutboxKey.Reminder(12),
				new OutboxKey.Digest(1, false), new OutboxKey.Digest(10, true), new OutboxKey.Escalation(),
				new OutboxKey.NoRouteNotice(OTHER), new OutboxKey.NewLink(2) }) {
			assertThat(OutboxKey.parse(key(kind).value())).isEqualTo(key(kind));
		}
	}

	@Test
	void aReminderFollowsUpTheInvitationOfTheSamePersonAndSendOut() {
		assertThat(key(new OutboxKey.Reminder(1)).invitationKey().value())
			.isEqualTo("steg2-2026/" + PERSON.value() + "/invitation");
	}

	@Test
	void namesTheMessageKindAndNumberOfEachKind() {
		assertThat(new OutboxKey.Reminder(2).messageKind()).isEqualTo(MessageKind.REMINDER);
		assertThat(new OutboxKey.Reminder(2).number()).isEqualTo(2);
		assertThat(new OutboxKey.Digest(4, true).messageKind()).isEqualTo(MessageKind.DIGEST);
		assertThat(new OutboxKey.NoRouteNotice(OTHER).messageKind()).isEqualTo(MessageKind.NO_ROUTE);
		assertThat(new OutboxKey.NewLink(5).messageKind()).isEqualTo(MessageKind.NEW_LINK);
		assertThat(new OutboxKey.NewLink(5).number()).isEqualTo(5);
		assertThat(new OutboxKey.Invitation().number()).isZero();
	}

	@Test
	void refusesTextThatIsNotAKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> OutboxKey.parse("steg2-2026/invitation"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutboxKey.parse("steg2-2026/" + PERSON.value() + "/reminder-x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutboxKey.parse("steg2-2026/" + PERSON.value() + "/digest-1-cards"));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutboxKey.Reminder(0));
	}

	private static OutboxKey key(OutboxKey.Kind kind) {
		return new OutboxKey(SEND_OUT, PERSON, kind);
	}

}
