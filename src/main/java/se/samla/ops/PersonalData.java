package se.samla.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.PersonalDataHolder;
import se.samla.shared.PersonalDataHolder.DataSubject;

import static se.samla.shared.SqlTime.toSql;

/**
 * A person's data on request (GDPR articles 15 and 17) and the retention clean-up, over
 * every module that keeps personal data ({@link PersonalDataHolder}). Erasure runs in one
 * transaction, the directory entry last, and is itself recorded with its counts but
 * without the person's name or address.
 */
@Service
class PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

	private final List<PersonalDataHolder> holders;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PersonalData(List<PersonalDataHolder> holders, Directory directory, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.holders = holders;
		this.directory = directory;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Everything Samla holds on the person with this address, section by section. */
	Map<String, Object> export(String address) {
		DataSubject subject = subject(address);
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", this.clock.instant());
		export.put("address", subject.email());
		for (PersonalDataHolder holder : this.holders) {
			export.put(holder.section(), holder.export(subject));
		}
		return export;
	}

	/**
	 * Erases the person with this address.
	 * @return how many records of each kind were removed or pseudonymised
	 */
	Map<String, Integer> erase(String address, String operator) {
		DataSubject subject = subject(address);
		List<PersonalDataHolder> lastToFirst = new ArrayList<>(this.holders);
		// The directory entry is what the others find the person by: it goes last.
		Collections.reverse(lastToFirst);
		Instant now = this.clock.instant();
		return this.transactions.execute(tx -> {
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (PersonalDataHolder holder : lastToFirst) {
				counts.putAll(holder.erase(subject));
			}
			this.jdbc
				.sql("INSERT INTO personal_data_erasure (person_id, erased_by, erased_at, counts) VALUES (?, ?, ?, ?)")
				.params(subject.id(), operator, toSql(now), describe(counts))
				.update();
			log.info("Personal data of person {} erased by {}: {}", subject.id(), operator, describe(counts));
			return counts;
		});
	}

	/** Removes what is past its retention period in every module. */
	Map<String, Integer> removeExpired() {
		Instant now = this.clock.instant();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (PersonalDataHolder holder : this.holders) {
			holder.removeExpired(now).forEach((kind, count) -> counts.merge(kind, count, Integer::sum));
		}
		if (counts.values().stream().anyMatch(count -> count > 0)) {
			log.info("Retention clean-up: {}", describe(counts));
		}
		return counts;
	}

	private DataSubject subject(String address) {
		if (address == null || !address.contains("@")) {
			throw new IllegalArgumentException("ADDRESS must be a person's e-mail address, not " + address);
		}
		Person person = this.directory.personByEmail(address)
			.orElseThrow(() -> new UnknownPersonException("no person with the address " + address.strip()));
		return new DataSubject(person.id().value(), person.email(), person.name(),
				(person.teams() != null) ? person.teams().entraObjectId() : null);
	}

	private static String describe(Map<String, Integer> counts) {
		return counts.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	/** No person in the directory has the address. */
	static final class UnknownPersonException extends IllegalArgumentException {

		UnknownPersonException(String message) {
			super(message);
		}

	}

}
