package se.samla.campaigns;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.annotation.Bean;

import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.support.DeliveryGate;

/**
 * Teams and email channels for tests: they record every delivery and answer as each test
 * tells them to (send, cannot reach, passing failure), person by person.
 */
// Deliberately not @TestConfiguration: imported explicitly, never picked up by component
// scanning.
public class RecordingChannels {

	@Bean
	Recorder recorder() {
		return new Recorder();
	}

	@Bean
	MessageChannel recordingTeams(Recorder recorder) {
		return new Recording(Channel.TEAMS, recorder);
	}

	@Bean
	MessageChannel recordingEmail(Recorder recorder) {
		return new Recording(Channel.EMAIL, recorder);
	}

	/** How a channel answers for one person. */
	public enum Behaviour {

		SEND, UNREACHABLE, FAIL

	}

	/** One delivery a channel made. */
	public record Delivered(Channel channel, String key, PersonId person, MessageKind kind, int number) {
	}

	/** What the channels did, and what they are told to do. */
	public static class Recorder {

		private final List<Delivered> deliveries = new CopyOnWriteArrayList<>();

		private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

		private final DeliveryGate gate = new DeliveryGate();

		/** Holds a delivery inside the channel, to make a dispatcher run slow. */
		public DeliveryGate gate() {
			return this.gate;
		}

		public void set(Channel channel, PersonId person, Behaviour behaviour) {
			this.behaviours.put(channel + "/" + person.value(), behaviour);
		}

		Behaviour behaviour(Channel channel, PersonId person) {
			return this.behaviours.getOrDefault(channel + "/" + person.value(), Behaviour.SEND);
		}

		public List<Delivered> deliveries() {
			return List.copyOf(this.deliveries);
		}

		public void reset() {
			this.deliveries.clear();
			this.behaviours.clear();
			this.gate.release();
		}

	}

	record Recording(Channel channel, Recorder recorder) implements MessageChannel {

		@Override
		public boolean canReach(Person person) {
			return (this.channel == Channel.TEAMS) ? person.teams() != null : person.email() != null;
		}

		@Override
		public Delivery deliver(OutgoingMessage message) {
			return switch (this.recorder.behaviour(this.channel, message.recipient().id())) {
				case SEND -> {
					this.recorder.deliveries.add(new Delivered(this.channel, message.key().value(),
							message.recipient().id(), message.kind(), message.number()));
					this.recorder.gate.pass();
					yield new Delivery.Sent("recorded:" + message.key().value());
				}
				case UNREACHABLE -> new Delivery.Unreachable("blocked in test");
				case FAIL -> new Delivery.Failed("timeout in test");
			};
		}

	}

}
