package se.samla.ops;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import se.samla.campaigns.ScheduledMessage;
import se.samla.campaigns.SendOutQueries;
import se.samla.shared.SendOutId;

/**
 * {@code schedule SEND-OUT}: every message the send-out will still send, one line each,
 * by day and time, with the person, what it is and the channel it would go by.
 */
final class ScheduleCommand {

	private final SendOutQueries queries;

	private final DateTimeFormatter time;

	ScheduleCommand(SendOutQueries queries, DateTimeFormatter time) {
		this.queries = queries;
		this.time = time;
	}

	int run(SendOutId sendOut, PrintStream out) {
		List<ScheduledMessage> schedule = this.queries.schedule(sendOut);
		if (schedule.isEmpty()) {
			out.println("Nothing more is planned for " + sendOut + ".");
			return 0;
		}
		out.printf("%-16s  %-24s %-6s %s%n", "WHEN", "WHAT", "BY", "TO");
		for (ScheduledMessage message : schedule) {
			out.printf("%-16s  %-24s %-6s %s%n", this.time.format(message.at()), message.label(),
					(message.channel() != null) ? message.channel() : "none", message.name());
		}
		out.printf("%d message(s).%n", schedule.size());
		return 0;
	}

}
