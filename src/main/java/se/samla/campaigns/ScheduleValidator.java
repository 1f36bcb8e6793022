package se.samla.campaigns;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import se.samla.campaigns.internal.ScheduleLoader;

/** Checks the send-out definitions in a directory without starting Samla. */
public final class ScheduleValidator {

	private ScheduleValidator() {
	}

	/**
	 * Reads every definition in the directory.
	 * @return the send-outs defined there
	 * @throws ScheduleDefinitionException listing every problem as {@code file:line: ...}
	 */
	public static List<SendOut> read(Path directory, ZoneId zone) {
		return new ScheduleLoader(zone).load(directory);
	}

}
