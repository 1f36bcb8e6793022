package se.samla.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.springframework.util.FileSystemUtils;

/**
 * An operator command's JVM runs samla.jar unpacked, as Spring Boot's {@code extract}
 * lays it out (the application's classes in a plain jar, the libraries beside it), kept
 * in a cache folder of the user's and reused until the jar changes. Loading classes from
 * jars nested in a jar is about a third of a command's start-up; unpacked, the JVM reads
 * them as it reads any jar. Unpacking takes a second or two, once per build of the jar.
 * <p>
 * Whatever goes wrong (no cache folder, a full disk, an extract that fails) leaves the
 * command to run from the jar itself, as before; a build whose extract failed is not
 * unpacked again. An unpacking is used only when complete: it is made in a folder of its
 * own, listed (every file with its size) and then moved into place, and the listing is
 * checked before each use.
 */
final class UnpackedJar {

	/**
	 * The cache folder, instead of {@code $XDG_CACHE_HOME/samla} or
	 * {@code ~/.cache/samla}.
	 */
	static final String CACHE_PROPERTY = "samla.command.cache";

	/** Lists the unpacked files; written last, so that it marks a complete unpacking. */
	static final String LISTING = "unpacked.txt";

	/**
	 * How long an unpacking of another build of the jar is kept unused: a command still
	 * running from it reads its libraries as it goes.
	 */
	private static final Duration UNUSED = Duration.ofHours(1);

	private UnpackedJar() {
	}

	/** Unpacks a jar into a folder that does not exist yet. */
	@FunctionalInterface
	interface Unpacker {

		/**
		 * @return whether the jar was unpacked, with its application jar under the jar's
		 * own file name
		 */
		boolean unpack(Path jar, Path folder) throws IOException, InterruptedException;

	}

	/** Spring Boot's own {@code extract}, in a JVM of its own. */
	static final Unpacker EXTRACT = (jar, folder) -> {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", folder.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return false;
		}
		return process.exitValue() == 0;
	};

	/**
	 * The cache folder: {@code -Dsamla.command.cache}, else
	 * {@code $XDG_CACHE_HOME/samla}, else {@code ~/.cache/samla}.
	 */
	static Optional<Path> cache() {
		String chosen = System.getProperty(CACHE_PROPERTY);
		if (chosen != null) {
			return chosen.isBlank() ? Optional.empty() : Optional.of(Path.of(chosen));
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isBlank()) {
			return Optional.of(Path.of(xdg, "samla"));
		}
		String home = System.getProperty("user.home");
		return (home == null || home.isBlank() || home.equals("?")) ? Optional.empty()
				: Optional.of(Path.of(home, ".cache", "samla"));
	}

	/**
	 * The application jar of the jar's unpacking in the cache, unpacked now when there is
	 * none yet (or it is incomplete); empty when the jar cannot be unpacked there.
	 */
	static Optional<Path> of(Path jar, Path cache, Unpacker unpacker) {
		try {
			String prefix = prefix(jar);
			Path folder = cache.resolve(prefix + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
			Path applicationJar = folder.resolve(jar.getFileName());
			if (complete(folder)) {
				Files.setLastModifiedTime(folder.resolve(LISTING), FileTime.from(Instant.now()));
				return Optional.of(applicationJar);
			}
			// a build that could not be unpacked is not tried again by every command
			Path failed = cache.resolve(folder.getFileName() + ".failed");
			if (Files.exists(failed)) {
				return Optional.empty();
			}
			createPrivately(cache);
			if (!Files.isWritable(cache)) {
				return Optional.empty();
			}
			Path unpacking = cache.resolve(folder.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
			FileSystemUtils.deleteRecursively(unpacking);
			if (!unpacker.unpack(jar, unpacking) || !Files.isRegularFile(unpacking.resolve(jar.getFileName()))) {
				FileSystemUtils.deleteRecursively(unpacking);
				Files.createFile(failed);
				return Optional.empty();
			}
			Files.writeString(unpacking.resolve(LISTING), listing(unpacking), StandardCharsets.UTF_8);
			// another command may have unpacked the same jar meanwhile: then theirs is
			// used
			if (!complete(folder)) {
				FileSystemUtils.deleteRecursively(folder);
				try {
					Files.move(unpacking, folder, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (IOException ex) {
					// theirs came first after all, or the file system cannot move at once
				}
			}
			FileSystemUtils.deleteRecursively(unpacking);
			removeOthers(cache, prefix, folder);
			return complete(folder) ? Optional.of(applicationJar) : Optional.empty();
		}
		catch (IOException | UncheckedIOException | SecurityException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** The start of the folder names of a jar at this path, whatever its build. */
	private static String prefix(Path jar) {
		String name = jar.getFileName().toString().replaceFirst("(?i)\\.jar$", "");
		CRC32 path = new CRC32();
		path.update(jar.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
		return name + "-" + Long.toHexString(path.getValue()) + "-";
	}

	/** Whether every file of the listing is there, with its size. */
	static boolean complete(Path folder) throws IOException {
		Path listing = folder.resolve(LISTING);
		if (!Files.isRegularFile(listing)) {
			return false;
		}
		List<String> lines = Files.readAllLines(listing, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return false;
		}
		for (String line : lines) {
			int space = line.lastIndexOf(' ');
			if (space < 0) {
				return false;
			}
			Path file = folder.resolve(line.substring(0, space));
			if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(line.substring(space + 1))) {
				return false;
			}
		}
		return true;
	}

	private static String listing(Path folder) throws IOException {
		List<String> lines = new ArrayList<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				lines.add(folder.relativize(file).toString().replace('\\', '/') + " " + Files.size(file));
			}
		}
		return String.join("\n", lines) + "\n";
	}

	private static void createPrivately(Path cache) throws IOException {
		if (Files.isDirectory(cache)) {
			return;
		}
		Files.createDirectories(cache);
		try {
			Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the user's own cache folder is private enough
		}
	}

	/**
	 * Removes the unpackings of other builds of the same jar, and unpackings abandoned
	 * half-way (a command killed while unpacking), once unused for an hour.
	 */
	private static void removeOthers(Path cache, String prefix, Path kept) {
		Instant unused = Instant.now().minus(UNUSED);
		try (Stream<Path> folders = Files.list(cache)) {
			for (Path other : folders.toList()) {
				if (other.equals(kept) || !other.getFileName().toString().startsWith(prefix)) {
					continue;
				}
				Path listing = other.resolve(LISTING);
				FileTime used = Files.getLastModifiedTime(Files.exists(listing) ? listing : other);
				if (used.toInstant().isBefore(unused)) {
					FileSystemUtils.deleteRecursively(other);
				}
			}
		}
		catch (IOException ex) {
			// left for the next unpacking to remove
		}
	}

}
