package se.samla.directory.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import se.samla.directory.ActivityId;
import se.samla.directory.PersonId;
import se.samla.directory.PlanActivity;

/**
 * The plan activity aggregate as stored. Owners are referenced by id (they are people,
 * another aggregate) and kept in the plan's order. Column names are explicit, see
 * {@link StoredOrganisation}.
 */
@Table("plan_activity")
record StoredActivity(@Id @Column("id") String id, @Version @Column("version") Long version,
		@Column("title") String title, @Column("development_area") String developmentArea,
		@Column("expected_effect") String expectedEffect, @Column("timeline") String timeline,
		@Column("follow_up") String followUp,
		@MappedCollection(idColumn = "activity_id", keyColumn = "owner_index") List<Owner> owners) {

	static StoredActivity of(PlanActivity activity) {
		return new StoredActivity(activity.id().value(), null, null, null, null, null, null, List.of()).with(activity);
	}

	StoredActivity with(PlanActivity activity) {
		return new StoredActivity(this.id, this.version, activity.title(), activity.developmentArea(),
				activity.expectedEffect(), activity.timeline(), activity.followUp(),
				activity.owners().stream().map(owner -> new Owner(owner.value())).toList());
	}

	PlanActivity toActivity() {
		return new PlanActivity(new ActivityId(this.id), this.title, this.developmentArea, this.expectedEffect,
				this.timeline, this.followUp,
				this.owners.stream().map(owner -> new PersonId(owner.personId())).toList());
	}

	/** A row of {@code activity_owner}. */
	@Table("activity_owner")
	record Owner(@Column("person_id") UUID personId) {
	}

}
