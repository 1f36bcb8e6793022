package se.samla.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code person export ADDRESS [--out FILE]} and
 * {@code person erase ADDRESS --yes [--operator NAME]}: a person's data on request.
 */
@Component
class PersonCommands {

	private final PersonalData personalData;

	private final JsonMapper json;

	PersonCommands(PersonalData personalData) {
		this.personalData = personalData;
		this.json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).findAndAddModules().build();
	}

	int run(Options options, PrintStream out, PrintStream err) {
		String action = options.positional("export or erase");
		return switch (action) {
			case "export" -> export(options, out);
			case "erase" -> erase(options, out);
			default -> throw new IllegalArgumentException("person takes export or erase, not " + action);
		};
	}

	private int export(Options options, PrintStream out) {
		String address = options.positional("ADDRESS");
		String file = options.value("--out", null);
		options.requireNoMore();
		String exported = this.json.writeValueAsString(this.personalData.export(address));
		if (file == null) {
			out.println(exported);
			return 0;
		}
		try {
			Files.writeString(Path.of(file), exported + "\n");
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("--out " + file + " cannot be written: " + ex.getMessage(), ex);
		}
		out.println("Wrote everything Samla holds on " + address + " to " + file);
		return 0;
	}

	private int erase(Options options, PrintStream out) {
		boolean confirmed = options.flag("--yes");
		String operator = options.value("--operator", System.getProperty("user.name", "operator"));
		String address = options.positional("ADDRESS");
		options.requireNoMore();
		if (!confirmed) {
			throw new IllegalArgumentException("person erase removes " + address
					+ "'s name, address, free-text answers, kept emails and Teams activities for good:"
					+ " run it again with --yes (person export first keeps a copy)");
		}
		Map<String, Integer> counts = this.personalData.erase(address, operator);
		out.println("Erased " + address + " (operator " + operator + "):");
		counts.forEach((kind, count) -> out.printf("  %-32s %d%n", kind, count));
		return 0;
	}

}
