package se.samla.campaigns.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import se.samla.campaigns.Audience;
import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

/**
 * Reads send-out definitions from the YAML files of {@code scheduler/}. Every problem is
 * reported with its file and line; one bad file stops start-up rather than leaving a
 * send-out silently unscheduled.
 */
public final class ScheduleLoader {

	private static final Logger log = LoggerFactory.getLogger(ScheduleLoader.class);

	private static final Set<String> KEYS = Set.of("id", "title", "questionnaire", "audience", "opens", "deadline");

	private static final Set<String> AUDIENCE_KEYS = Set.of("networks", "organisations", "roles", "activityOwners");

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
			throw new ScheduleDefinitionException(List.of(directory + ": no such directory"));
		}
		List<String> problems = new ArrayList<>();
		List<SendOut> sendOuts = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(ScheduleLoader::isYaml).sorted().toList()) {
				new FileReading(file, problems).read().ifPresent(sendOuts::add);
			}
		}
		catch (IOException ex) {
			throw new ScheduleDefinitionException(List.of(directory + ": cannot be read: " + ex.getMessage()));
		}
		Set<SendOutId> seen = new LinkedHashSet<>();
		for (SendOut sendOut : sendOuts) {
			if (!seen.add(sendOut.id())) {
				problems
					.add(sendOut.source() + ":1: send-out id '" + sendOut.id() + "' is defined in another file too");
			}
		}
		if (!problems.isEmpty()) {
			throw new ScheduleDefinitionException(problems);
		}
		log.debug("Loaded {} send-out definition(s) from {}", sendOuts.size(), directory);
		return sendOuts;
	}

	private static boolean isYaml(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
	}

	private final class FileReading {

		private final Path file;

		private final List<String> problems;

		private final int before;

		FileReading(Path file, List<String> problems) {
			this.file = file;
			this.problems = problems;
			this.before = problems.size();
		}

		java.util.Optional<SendOut> read() {
			Node root;
			try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
				root = new Yaml(new LoaderOptions()).compose(reader);
			}
			catch (MarkedYAMLException ex) {
				int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
				problem(line, "not valid YAML: " + ex.getProblem());
				return java.util.Optional.empty();
			}
			catch (IOException ex) {
				problem(1, "cannot be read: " + ex.getMessage());
				return java.util.Optional.empty();
			}
			if (!(root instanceof MappingNode mapping)) {
				problem(1, "expected a mapping with id, title, questionnaire, audience, opens and deadline");
				return java.util.Optional.empty();
			}
			String id = null;
			String title = null;
			String questionnaire = null;
			Audience audience = null;
			Instant opens = null;
			Instant deadline = null;
			Node idNode = root;
			for (NodeTuple tuple : mapping.getValue()) {
				String key = ((ScalarNode) tuple.getKeyNode()).getValue();
				Node value = tuple.getValueNode();
				switch (key) {
					case "id" -> {
						id = scalar(value, key);
						idNode = value;
					}
					case "title" -> title = scalar(value, key);
					case "questionnaire" -> questionnaire = scalar(value, key);
					case "audience" -> audience = audience(value);
					case "opens" -> opens = time(value, key, LocalTime.of(8, 0));
					case "deadline" -> deadline = time(value, key, LocalTime.of(23, 59, 59));
					default -> problem(line(tuple.getKeyNode()), "unknown key '" + key + "' (expected one of "
							+ String.join(", ", KEYS.stream().sorted().toList()) + ")");
				}
			}
			require(root, "id", id);
			require(root, "title", title);
			require(root, "questionnaire", questionnaire);
			require(root, "audience", audience);
			require(root, "opens", opens);
			require(root, "deadline", deadline);
			SendOutId sendOutId = null;
			QuestionnaireId questionnaireId = null;
			try {
				sendOutId = (id != null) ? new SendOutId(id) : null;
			}
			catch (IllegalArgumentException ex) {
				problem(line(idNode), "id '" + id + "' must be lower-case letters, digits and dashes");
			}
			try {
				questionnaireId = (questionnaire != null) ? new QuestionnaireId(questionnaire) : null;
			}
			catch (IllegalArgumentException ex) {
				problem(line(root), "questionnaire '" + questionnaire + "' is not a valid questionnaire id");
			}
			if (opens != null && deadline != null && !deadline.isAfter(opens)) {
				problem(line(root), "the deadline must come after the opening time");
			}
			if (audience != null && audience.isEmpty()) {
				problem(line(root), "the audience names nobody: give networks, organisations, roles or activityOwners");
			}
			if (this.problems.size() > this.before) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(new SendOut(sendOutId, title, questionnaireId, audience, opens, deadline, null,
					null, this.file.getFileName().toString(), SendOutRules.defaults(ScheduleLoader.this.zone), null));
		}

		private Audience audience(Node node) {
			if (!(node instanceof MappingNode mapping)) {
				problem(line(node), "audience must be a mapping of networks, organisations, roles, activityOwners");
				return null;
			}
			Set<Network> networks = new LinkedHashSet<>();
			Set<OrganisationId> organisations = new LinkedHashSet<>();
			List<String> roles = new ArrayList<>();
			boolean owners = false;
			for (NodeTuple tuple : mapping.getValue()) {
				String key = ((ScalarNode) tuple.getKeyNode()).getValue();
				Node value = tuple.getValueNode();
				switch (key) {
					case "networks" -> list(value, key).forEach(item -> {
						try {
							networks.add(Network.parse(item.getValue()));
						}
						catch (IllegalArgumentException ex) {
							problem(line(item), "unknown network '" + item.getValue() + "'");
						}
					});
					case "organisations" ->
						list(value, key).forEach(item -> organisations.add(new OrganisationId(item.getValue())));
					case "roles" -> list(value, key).forEach(item -> roles.add(item.getValue()));
					case "activityOwners" -> {
						String flag = scalar(value, key);
						owners = "true".equals(flag);
						if (!"true".equals(flag) && !"false".equals(flag)) {
							problem(line(value), "activityOwners must be true or false");
						}
					}
					default -> problem(line(tuple.getKeyNode()), "unknown audience key '" + key + "' (expected one of "
							+ String.join(", ", AUDIENCE_KEYS.stream().sorted().toList()) + ")");
				}
			}
			return new Audience(networks, organisations, roles, owners);
		}

		private List<ScalarNode> list(Node node, String key) {
			if (node instanceof SequenceNode sequence) {
				List<ScalarNode> items = new ArrayList<>();
				for (Node item : sequence.getValue()) {
					if (item instanceof ScalarNode scalar) {
						items.add(scalar);
					}
					else {
						problem(line(item), key + ": expected a plain value");
					}
				}
				return items;
			}
			problem(line(node), key + " must be a list");
			return List.of();
		}

		private Instant time(Node node, String key, LocalTime defaultTime) {
			String text = scalar(node, key);
			if (text == null) {
				return null;
			}
			try {
				if (text.length() == 10) {
					return LocalDate.parse(text).atTime(defaultTime).atZone(ScheduleLoader.this.zone).toInstant();
				}
				if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
					return OffsetDateTime.parse(text).toInstant();
				}
				return LocalDateTime.parse(text.replace(' ', 'T')).atZone(ScheduleLoader.this.zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				problem(line(node),
						key + ": '" + text + "' is not a date (2026-12-18) or date and time (2026-12-18T17:00)");
				return null;
			}
		}

		private String scalar(Node node, String key) {
			if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
				return scalar.getValue().strip();
			}
			problem(line(node), key + " must be a single non-empty value");
			return null;
		}

		private void require(Node root, String key, Object value) {
			if (value == null && this.problems.stream().noneMatch(p -> p.contains(": " + key))) {
				problem(line(root), "missing '" + key + "'");
			}
		}

		private void problem(int line, String message) {
			this.problems.add(this.file.getFileName() + ":" + line + ": " + message);
		}

		private static int line(Node node) {
			return node.getStartMark().getLine() + 1;
		}

	}

}
