package se.samla.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Class data sharing for operator commands: the JVM maps the classes a command loads,
 * already parsed and verified, from an archive instead of reading each from its jar,
 * which saves about a fifth of a command's processor time. On Java 17 an archive is
 * written by a JVM as it exits ({@code -XX:ArchiveClassesAtExit}), so the first command
 * after a new build (or Java update) writes it, taking some seconds longer at its end,
 * and the later ones map it ({@code -XX:SharedArchiveFile}).
 * <p>
 * Kept beside the unpacked jar it was made from (an unpacking of another build starts
 * without). A JVM that cannot use an archive (another Java, a changed library) runs
 * without it and says nothing; one cut short would stop the JVM, so an archive is only
 * put in place, under its size, once its command ended well, and used only at that size.
 */
final class ClassArchive {

	private static final String SHARING_QUIET = "-Xlog:cds*=off";

	private final Path folder;

	private final String name;

	private final Path writing;

	private ClassArchive(Path folder, String name, Path writing) {
		this.folder = folder;
		this.name = name;
		this.writing = writing;
	}

	/**
	 * The archive for the command run from an unpacked jar by this Java; none when the
	 * caller chose class data sharing options themselves. {@code digest} has an archive
	 * of its own: it loads about 1,400 classes (spreadsheets, XML) that no other command
	 * loads.
	 * @param applicationJar the unpacked application jar
	 * @param callerOptions the options the command's JVM was started with
	 * @param command the command
	 */
	static Optional<ClassArchive> of(Path applicationJar, List<String> callerOptions, String command) {
		if (callerOptions.stream()
			.anyMatch(option -> option.startsWith("-Xshare") || option.contains("SharedArchiveFile")
					|| option.contains("ArchiveClassesAtExit"))) {
			return Optional.empty();
		}
		String java = System.getProperty("java.vm.version", "unknown").replaceAll("[^A-Za-z0-9.+_-]", "_");
		String name = (command.equals("digest") ? "digest" : "commands") + "-" + java;
		Path folder = applicationJar.toAbsolutePath().getParent();
		return Optional.of(new ClassArchive(folder, name,
				folder.resolve(name + ".writing-" + ProcessHandle.current().pid() + ".jsa")));
	}

	/**
	 * The command JVM's options: map the archive, or write it at exit when there is none.
	 */
	List<String> options() {
		Optional<Path> usable = usable();
		if (usable.isPresent()) {
			return List.of("-XX:SharedArchiveFile=" + usable.get(), SHARING_QUIET);
		}
		removeAbandoned();
		return List.of("-XX:ArchiveClassesAtExit=" + this.writing, SHARING_QUIET);
	}

	/** Archives left half-written by commands stopped an hour ago or longer. */
	private void removeAbandoned() {
		Instant abandoned = Instant.now().minus(Duration.ofHours(1));
		try (Stream<Path> files = Files.list(this.folder)) {
			for (Path file : files.filter(file -> file.getFileName().toString().contains(".writing-")).toList()) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(abandoned)) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			// removed another time
		}
	}

	/**
	 * After the command's JVM has exited: puts an archive it wrote in place when the
	 * command ended well, else removes it.
	 */
	void commandEnded(int exitCode) {
		try {
			if (!Files.isRegularFile(this.writing)) {
				return;
			}
			if (exitCode == 0 && usable().isEmpty()) {
				long size = Files.size(this.writing);
				Files.move(this.writing, this.folder.resolve(this.name + "-" + size + ".jsa"),
						StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				Files.delete(this.writing);
			}
		}
		catch (IOException ex) {
			// the next command writes one again
		}
	}

	/** An archive for this Java whose size is the one it was written with. */
	Optional<Path> usable() {
		Pattern archive = Pattern.compile(Pattern.quote(this.name) + "-([0-9]+)\\.jsa");
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter(file -> {
				Matcher matcher = archive.matcher(file.getFileName().toString());
				try {
					return matcher.matches() && Files.size(file) == Long.parseLong(matcher.group(1));
				}
				catch (IOException | NumberFormatException ex) {
					return false;
				}
			}).findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
