package se.samla.campaigns.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.SendOut;
import se.samla.shared.DefinitionProblem;
import se.samla.shared.SendOutId;

/**
 * Reads send-out definitions from the YAML files of {@code scheduler/}, each file by a
 * {@link SendOutFile}. Every problem is reported with its file and line; one bad file
 * stops start-up rather than leaving a send-out silently unscheduled.
 */
public final class ScheduleLoader {

	private static final Logger log = LoggerFactory.getLogger(ScheduleLoader.class);

	private final ZoneId zone;

	public ScheduleLoader(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Reads every {@code *.yml} and {@code *.yaml} file in the directory.
	 * @throws ScheduleDefinitionException listing every problem found
	 */
	public List<SendOut> load(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw failure(List.of(new DefinitionProblem(directory.toString(), 0, "no such directory")));
		}
		List<DefinitionProblem> problems = new ArrayList<>();
		List<SendOut> sendOuts = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(ScheduleLoader::isYaml).sorted().toList()) {
				SendOutFile.Result result = read(file);
				problems.addAll(result.problems());
				sendOuts.addAll(result.sendOuts());
			}
		}
		catch (IOException ex) {
			throw failure(
					List.of(new DefinitionProblem(directory.toString(), 0, "cannot be read: " + ex.getMessage())));
		}
		Set<SendOutId> seen = new LinkedHashSet<>();
		for (SendOut sendOut : sendOuts) {
			if (!seen.add(sendOut.id())) {
				problems.add(new DefinitionProblem(sendOut.source(), 1,
						"send-out id '" + sendOut.id() + "' is defined in another file too"));
			}
		}
		if (!problems.isEmpty()) {
			throw failure(problems);
		}
		log.debug("Loaded {} send-out definition(s) from {}", sendOuts.size(), directory);
		return sendOuts;
	}

	private SendOutFile.Result read(Path file) {
		String source = file.getFileName().toString();
		try {
			return SendOutFile.read(source, Files.readAllBytes(file), this.zone);
		}
		catch (IOException ex) {
			return new SendOutFile.Result(List.of(),
					List.of(new DefinitionProblem(source, 0, "cannot be read: " + ex.getMessage())));
		}
	}

	private static ScheduleDefinitionException failure(List<DefinitionProblem> problems) {
		return new ScheduleDefinitionException(problems.stream().map(DefinitionProblem::toString).toList());
	}

	private static boolean isYaml(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
	}

}
