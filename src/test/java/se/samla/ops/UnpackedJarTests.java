package se.samla.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UnpackedJarTests {

	@TempDir
	Path folder;

	private final List<Path> unpacked = new ArrayList<>();

	/** Lays a jar out as Spring Boot's extract does: the application jar and lib/. */
	private final UnpackedJar.Unpacker extract = (jar, into) -> {
		this.unpacked.add(into);
		Files.createDirectories(into.resolve("lib"));
		Files.writeString(into.resolve(jar.getFileName()), "application classes");
		Files.writeString(into.resolve("lib/spring-core.jar"), "library classes");
		return true;
	};

	@Test
	void aJarIsUnpackedOnceAndTheUnpackingIsUsedUntilTheJarChanges() throws IOException {
		Path jar = jar("build 1");
		Path cache = this.folder.resolve("cache");

		Path first = UnpackedJar.of(jar, cache, this.extract).orElseThrow();
		Path again = UnpackedJar.of(jar, cache, this.extract).orElseThrow();

		assertThat(first).isEqualTo(again).isRegularFile().hasFileName("samla.jar").startsWith(cache);
		assertThat(first.resolveSibling("lib/spring-core.jar")).hasContent("library classes");
		assertThat(this.unpacked).as("unpacked once").hasSize(1);
		assertThat(cache).isDirectoryNotContaining(path -> path.toString().contains(".unpacking-"));
	}

	@Test
	void aRebuiltJarIsUnpackedAfreshAndTheEarlierBuildsUnpackingGoesOnceUnused() throws IOException {
		Path jar = jar("build 1");
		Path cache = this.folder.resolve("cache");
		Path earlier = UnpackedJar.of(jar, cache, this.extract).orElseThrow().getParent();
		Files.writeString(jar, "build 2, a little longer");

		Path still = UnpackedJar.of(jar, cache, this.extract).orElseThrow().getParent();
		assertThat(still).isNotEqualTo(earlier);
		assertThat(earlier).as("kept while a command may still run from it").isDirectory();

		Files.setLastModifiedTime(earlier.resolve(UnpackedJar.LISTING),
				FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		Files.writeString(jar, "build 3, longer still");
		Path latest = UnpackedJar.of(jar, cache, this.extract).orElseThrow().getParent();

		assertThat(earlier).doesNotExist();
		assertThat(still).as("used an instant ago").isDirectory();
		assertThat(latest).isDirectory();
		assertThat(this.unpacked).hasSize(3);
	}

	@Test
	void anUnpackingThatLostOrChangedAFileIsUnpackedAgain() throws IOException {
		Path jar = jar("build 1");
		Path cache = this.folder.resolve("cache");
		Path application = UnpackedJar.of(jar, cache, this.extract).orElseThrow();

		Files.delete(application.resolveSibling("lib/spring-core.jar"));
		assertThat(UnpackedJar.of(jar, cache, this.extract)).contains(application);
		assertThat(application.resolveSibling("lib/spring-core.jar")).hasContent("library classes");

		Files.writeString(application.resolveSibling("lib/spring-core.jar"), "cut");
		assertThat(UnpackedJar.of(jar, cache, this.extract)).contains(application);
		assertThat(application.resolveSibling("lib/spring-core.jar")).hasContent("library classes");
		assertThat(this.unpacked).hasSize(3);
	}

	@Test
	void aJarThatCannotBeUnpackedIsRunAsItIs() throws IOException {
		Path jar = jar("build 1");
		Path cache = this.folder.resolve("cache");

		UnpackedJar.Unpacker failing = (failed, into) -> {
			this.unpacked.add(into);
			Files.createDirectories(into);
			Files.writeString(into.resolve("half.jar"), "half");
			return false;
		};
		assertThat(UnpackedJar.of(jar, cache, failing)).isEmpty();
		assertThat(cache).isDirectoryNotContaining(path -> Files.isDirectory(path));
		assertThat(UnpackedJar.of(jar, cache, failing)).isEmpty();
		assertThat(UnpackedJar.of(jar, cache, this.extract)).as("this build is not tried again").isEmpty();
		assertThat(this.unpacked).hasSize(1);

		Files.writeString(jar, "build 2, which unpacks");
		assertThat(UnpackedJar.of(jar, cache, this.extract)).isPresent();

		Path file = Files.writeString(this.folder.resolve("not-a-folder"), "a file where the cache should be");
		assertThat(UnpackedJar.of(jar, file.resolve("cache"), this.extract)).isEmpty();
	}

	@Test
	void theCacheIsTheChosenFolderOrTheUsersCacheFolder() {
		String chosen = System.getProperty(UnpackedJar.CACHE_PROPERTY);
		try {
			System.setProperty(UnpackedJar.CACHE_PROPERTY, this.folder.toString());
			assertThat(UnpackedJar.cache()).contains(this.folder);
			System.setProperty(UnpackedJar.CACHE_PROPERTY, "");
			assertThat(UnpackedJar.cache()).as("none: run the jar as it is").isEmpty();
			System.clearProperty(UnpackedJar.CACHE_PROPERTY);
			assertThat(UnpackedJar.cache()).map(Path::getFileName).contains(Path.of("samla"));
		}
		finally {
			if (chosen != null) {
				System.setProperty(UnpackedJar.CACHE_PROPERTY, chosen);
			}
			else {
				System.clearProperty(UnpackedJar.CACHE_PROPERTY);
			}
		}
	}

	private Path jar(String content) throws IOException {
		return Files.writeString(this.folder.resolve("samla.jar"), content);
	}

}
