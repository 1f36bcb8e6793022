package se.samla.campaigns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import se.samla.answers.ResponseWindow;
import se.samla.answers.ResponseWindows;
import se.samla.campaigns.internal.SendOutRecords;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.directory.PlanActivity;
import se.samla.shared.SendOutId;

/**
 * The send-outs Samla knows and who they go to. Also tells the response engine when each
 * send-out accepts answers.
 */
@Service
public class SendOuts implements ResponseWindows {

	private final SendOutRecords records;

	private final Directory directory;

	private final Clock clock;

	SendOuts(SendOutRecords records, Directory directory, Clock clock) {
		this.records = records;
		this.directory = directory;
		this.clock = clock;
	}

	/** Every send-out, by opening time. */
	public List<SendOut> all() {
		return this.records.all();
	}

	public Optional<SendOut> find(SendOutId id) {
		return this.records.find(id);
	}

	/**
	 * Stores a send-out's definition, keeping an operator's decision to close it early.
	 */
	public SendOut define(SendOut sendOut) {
		this.records.upsert(sendOut, this.clock.instant());
		return this.records.find(sendOut.id()).orElseThrow();
	}

	public SendOutState state(SendOut sendOut) {
		return sendOut.state(this.clock.instant());
	}

	/** The active people the send-out goes to, in directory order. */
	public List<Person> recipients(SendOut sendOut) {
		Audience audience = sendOut.audience();
		Set<Person> recipients = new LinkedHashSet<>();
		boolean filtered = !audience.networks().isEmpty() || !audience.organisations().isEmpty()
				|| !audience.roles().isEmpty();
		if (filtered) {
			for (Person person : this.directory.people()) {
				if (matches(audience, person)) {
					recipients.add(person);
				}
			}
		}
		if (audience.activityOwners()) {
			List<Person> owners = new ArrayList<>();
			for (PlanActivity activity : this.directory.activities()) {
				activity.owners().forEach(owner -> this.directory.person(owner).ifPresent(owners::add));
			}
			this.directory.people().stream().filter(owners::contains).forEach(recipients::add);
		}
		return List.copyOf(recipients);
	}

	private static boolean matches(Audience audience, Person person) {
		boolean network = audience.networks().isEmpty()
				|| person.networks().stream().anyMatch(audience.networks()::contains);
		boolean organisation = audience.organisations().isEmpty()
				|| audience.organisations().contains(person.organisation());
		boolean role = audience.roles().isEmpty() || (person.role() != null
				&& audience.roles().stream().anyMatch(r -> r.equalsIgnoreCase(person.role().strip())));
		return network && organisation && role;
	}

	@Override
	public Optional<ResponseWindow> window(SendOutId id) {
		return this.records.find(id)
			.map(sendOut -> new ResponseWindow(sendOut.id(), sendOut.title(), sendOut.questionnaire(),
					sendOut.opensAt(), sendOut.deadline(), sendOut.closedAt() != null, sendOut.previous()));
	}

}
