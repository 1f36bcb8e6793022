package se.samla.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * Runs an operator command started with {@code java -jar samla.jar <command>} in a JVM
 * tuned for a short run. A command is over in seconds, long before the JVM's optimising
 * compiler pays off: on two cores its compiler threads took about 40 % of a command's
 * processor time and competed with the start-up they were meant to speed up. The JVM's
 * flags cannot be changed once it runs, so the command starts a second JVM (the
 * client-level compiler only, the serial collector unless another is chosen) on the same
 * jar, with the same arguments, options, environment, standard streams and working
 * directory, and returns its exit code. The second JVM runs the jar unpacked
 * ({@link UnpackedJar}), where it loads its classes faster, and maps the classes it needs
 * from an archive ({@link ClassArchive}).
 * <p>
 * Not done when the JVM was not started with {@code -jar} (an IDE, tests), when the
 * caller chose the compiler themselves ({@code -XX:TieredStopAtLevel}), or with
 * {@code -Dsamla.command.jvm=same}.
 */
final class CommandJvm {

	/** Set on the command's own JVM, so that it does not start another. */
	static final String PROPERTY = "samla.command.jvm";

	static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-D" + PROPERTY + "=same");

	/** The serial collector, unless the caller chose one (two would stop the JVM). */
	static final String COLLECTOR = "-XX:+UseSerialGC";

	private CommandJvm() {
	}

	/**
	 * Runs the command in a JVM of its own when this one was started with {@code -jar}.
	 * @return the command's exit code, or empty when the command should run in this JVM
	 */
	static OptionalInt relaunch(String[] args) {
		if (System.getProperty(PROPERTY) != null) {
			return OptionalInt.empty();
		}
		List<ClassArchive> archive = new ArrayList<>(1);
		Optional<List<String>> command = command(System.getProperty("java.class.path"),
				ProcessHandle.current().info().arguments().map(Arrays::asList), (jar, callerOptions) -> {
					Optional<Path> unpacked = UnpackedJar.cache()
						.flatMap(cache -> UnpackedJar.of(jar, cache, UnpackedJar.EXTRACT));
					// class data sharing needs plain jars
					unpacked.flatMap(applicationJar -> ClassArchive.of(applicationJar, callerOptions, args[0]))
						.ifPresent(archive::add);
					return new Launch(unpacked.orElse(jar), archive.isEmpty() ? List.of() : archive.get(0).options());
				}, args);
		if (command.isEmpty()) {
			return OptionalInt.empty();
		}
		Process process;
		try {
			process = new ProcessBuilder(command.get()).inheritIO().start();
		}
		catch (IOException ex) {
			// cannot start a second JVM (no java binary where this one came from): run
			// here
			return OptionalInt.empty();
		}
		// a command stopped (kill, Ctrl-C on a parent shell) takes its JVM with it
		Thread stop = new Thread(process::destroy);
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			int exitCode = process.waitFor();
			archive.forEach(written -> written.commandEnded(exitCode));
			return OptionalInt.of(exitCode);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroy();
			return OptionalInt.of(1);
		}
	}

	/**
	 * What the command's JVM runs: the jar (this JVM's or its unpacking), with options
	 * that go with it.
	 */
	record Launch(Path jar, List<String> options) {
	}

	/**
	 * The command line of the command's JVM, or empty when this JVM was not started with
	 * {@code -jar} on the class path's jar or its compiler was chosen by the caller.
	 * @param classPath this JVM's class path ({@code -jar} makes it the jar)
	 * @param jvmArguments the arguments this JVM was started with, after the executable
	 * @param launch what the command's JVM runs, for this JVM's jar and the caller's
	 * options
	 * @param args the command's arguments
	 */
	static Optional<List<String>> command(String classPath, Optional<List<String>> jvmArguments,
			BiFunction<Path, List<String>, Launch> launch, String[] args) {
		if (classPath == null || !classPath.endsWith(".jar") || !Files.isRegularFile(Path.of(classPath))
				|| jvmArguments.isEmpty()) {
			return Optional.empty();
		}
		List<String> arguments = jvmArguments.get();
		int jar = arguments.indexOf("-jar");
		if (jar < 0 || jar + 1 >= arguments.size()
				|| arguments.subList(0, jar).stream().anyMatch(option -> option.contains("TieredStopAtLevel"))) {
			return Optional.empty();
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(FLAGS);
		if (arguments.subList(0, jar).stream().noneMatch(option -> option.matches("-XX:\\+Use\\w*GC"))) {
			command.add(COLLECTOR);
		}
		List<String> callerOptions = arguments.subList(0, jar);
		Launch launched = launch.apply(Path.of(classPath), callerOptions);
		command.addAll(launched.options());
		// the caller's own options (-Xmx, -D...) come after ours, so that theirs win
		command.addAll(callerOptions);
		command.add("-jar");
		command.add(launched.jar().toString());
		command.addAll(Arrays.asList(args));
		return Optional.of(command);
	}

}
