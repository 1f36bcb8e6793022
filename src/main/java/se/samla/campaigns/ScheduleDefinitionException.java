package se.samla.campaigns;

import java.util.List;

/** A send-out definition in {@code scheduler/} that cannot be used: stops start-up. */
public class ScheduleDefinitionException extends RuntimeException {

	private final List<String> problems;

	public ScheduleDefinitionException(List<String> problems) {
		super("Invalid send-out definitions:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	/** Each problem as {@code file:line: what is wrong}. */
	public List<String> problems() {
		return this.problems;
	}

}
