package se.samla.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.dao.DataAccessException;

import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.UnknownSendOutException;
import se.samla.shared.DefinitionProblem;
import se.samla.surveys.QuestionnaireDefinitionException;

/**
 * Says what went wrong in an operator command in words an operator can act on: what is
 * wrong and what would be valid, on one line (a few for broken definition files, one per
 * {@code file:line: problem}). Never a stack trace: the operator cannot act on one, and
 * the exception's class name only distracts.
 */
final class Failures {

	private static final int MAX_PROBLEMS = 10;

	private static final String JDK_UUID = "Invalid UUID string: ";

	private Failures() {
	}

	/**
	 * Describes a failure of a command.
	 * @param knownSendOuts lists the send-outs there are, for an unknown one
	 */
	static List<String> describe(Throwable failure, Function<UnknownSendOutException, String> knownSendOuts) {
		List<Throwable> chain = chain(failure);
		for (Throwable cause : chain) {
			List<String> lines = describeKnown(cause, knownSendOuts);
			if (lines != null) {
				return lines;
			}
		}
		// The deepest message is the most specific; the ones above it are Spring's
		// wrapping
		// ("Error creating bean ...", "Failed to execute ApplicationRunner").
		for (int i = chain.size() - 1; i >= 0; i--) {
			String message = chain.get(i).getMessage();
			if (message != null && !message.isBlank()) {
				return List.of(plain(firstLine(message)));
			}
		}
		return List.of(message(failure));
	}

	/** Describes why the command's Samla context could not start. */
	static List<String> describeStartup(Throwable failure) {
		List<String> lines = new ArrayList<>(describe(failure, unknown -> firstLine(unknown.getMessage())));
		lines.set(0, "Samla could not start the command: " + lines.get(0));
		return lines;
	}

	private static List<String> describeKnown(Throwable cause,
			Function<UnknownSendOutException, String> knownSendOuts) {
		if (cause instanceof UnknownSendOutException unknown) {
			return List.of(knownSendOuts.apply(unknown));
		}
		if (cause instanceof QuestionnaireDefinitionException definitions) {
			return problems(definitions.problems().stream().map(DefinitionProblem::toString).toList(),
					"questionnaire file(s); 'validate' checks them");
		}
		if (cause instanceof ScheduleDefinitionException definitions) {
			return problems(definitions.problems(), "send-out file(s); 'validate' checks them");
		}
		if (cause instanceof DateTimeParseException unparsable) {
			return List.of("'" + unparsable.getParsedString() + "' is not a date; write 2026-12-01");
		}
		if (cause instanceof SQLException || cause instanceof DataAccessException) {
			Throwable file = chain(cause).stream()
				.filter(FileSystemException.class::isInstance)
				.findFirst()
				.orElse(null);
			return List.of("database: " + ((file != null) ? file(file) : firstLine(message(databaseCause(cause)))));
		}
		if (cause instanceof UncheckedIOException || cause instanceof IOException) {
			return List.of(file(ioCause(cause)));
		}
		return null;
	}

	private static String plain(String message) {
		if (message.startsWith(JDK_UUID)) {
			// the JDK's words; say what the ids the operator copies look like
			return "'" + message.substring(JDK_UUID.length())
					+ "' is not an id; ids look like 0b8e6c1e-5d4c-4a57-9c1e-2f7d5b3a9e10";
		}
		return message;
	}

	private static List<String> problems(List<String> problems, String what) {
		List<String> lines = new ArrayList<>();
		lines.add(problems.size() + " problem(s) in the " + what + ":");
		problems.stream().limit(MAX_PROBLEMS).map(problem -> "  " + problem).forEach(lines::add);
		if (problems.size() > MAX_PROBLEMS) {
			lines.add("  … and " + (problems.size() - MAX_PROBLEMS) + " more");
		}
		return lines;
	}

	private static String file(Throwable cause) {
		if (cause instanceof NoSuchFileException missing) {
			return missing.getFile() + ": no such file or folder";
		}
		if (cause instanceof AccessDeniedException denied) {
			return denied.getFile() + ": not allowed (permissions)";
		}
		if (cause instanceof FileAlreadyExistsException exists) {
			return exists.getFile() + ": is in the way (exists already)";
		}
		if (cause instanceof NotDirectoryException notFolder) {
			return notFolder.getFile() + ": is not a folder";
		}
		if (cause instanceof FileSystemException other) {
			return other.getFile() + ": " + ((other.getReason() != null) ? other.getReason() : "cannot be used");
		}
		return firstLine(message(cause));
	}

	private static Throwable ioCause(Throwable cause) {
		return (cause instanceof UncheckedIOException unchecked) ? unchecked.getCause() : cause;
	}

	/** The driver's own words (H2, PostgreSQL) say more than Spring's wrapping. */
	private static Throwable databaseCause(Throwable cause) {
		Throwable deepest = cause;
		for (Throwable next : chain(cause)) {
			if (next instanceof SQLException) {
				deepest = next;
			}
		}
		return deepest;
	}

	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

	private static String message(Throwable cause) {
		String message = cause.getMessage();
		if (message == null || message.isBlank()) {
			return "unexpected failure (" + cause.getClass().getSimpleName().replace("Exception", "") + ")";
		}
		return message;
	}

	/**
	 * The first line, without H2's error code suffix ({@code [90020-240]}), which means
	 * nothing to an operator.
	 */
	static String firstLine(String message) {
		String line = message.strip().lines().findFirst().orElse("").strip();
		return line.replaceFirst("\\s*\\[\\d{5}-\\d+]$", "");
	}

}
