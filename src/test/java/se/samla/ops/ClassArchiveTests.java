package se.samla.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassArchiveTests {

	@TempDir
	Path folder;

	@Test
	void theFirstCommandWritesTheArchiveAtItsExitAndTheNextOnesMapIt() throws IOException {
		Path jar = Files.writeString(this.folder.resolve("samla.jar"), "application classes");

		ClassArchive first = ClassArchive.of(jar, List.of(), "status").orElseThrow();
		Path written = writeAsTheJvmDoes(first.options());
		first.commandEnded(0);

		assertThat(written).doesNotExist();
		Path archive = ClassArchive.of(jar, List.of(), "status").orElseThrow().usable().orElseThrow();
		assertThat(archive).hasParent(this.folder).hasContent("archived classes");
		assertThat(ClassArchive.of(jar, List.of(), "status").orElseThrow().options())
			.contains("-XX:SharedArchiveFile=" + archive);
	}

	@Test
	void aDigestHasAnArchiveOfItsOwnAndTheOtherCommandsShareOne() throws IOException {
		Path jar = Files.writeString(this.folder.resolve("samla.jar"), "application classes");
		ClassArchive status = ClassArchive.of(jar, List.of(), "status").orElseThrow();
		writeAsTheJvmDoes(status.options());
		status.commandEnded(0);

		assertThat(ClassArchive.of(jar, List.of(), "send-outs").orElseThrow().usable()).isPresent();
		assertThat(ClassArchive.of(jar, List.of(), "digest").orElseThrow().usable()).isEmpty();
	}

	@Test
	void anArchiveWrittenByACommandThatFailedIsRemovedAndTheNextCommandWritesOne() throws IOException {
		Path jar = Files.writeString(this.folder.resolve("samla.jar"), "application classes");

		ClassArchive failed = ClassArchive.of(jar, List.of(), "status").orElseThrow();
		Path written = writeAsTheJvmDoes(failed.options());
		failed.commandEnded(1);

		assertThat(written).doesNotExist();
		assertThat(ClassArchive.of(jar, List.of(), "status").orElseThrow().options())
			.anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
	}

	@Test
	void anArchiveCutShortIsNeverMapped() throws IOException {
		Path jar = Files.writeString(this.folder.resolve("samla.jar"), "application classes");
		ClassArchive first = ClassArchive.of(jar, List.of(), "status").orElseThrow();
		writeAsTheJvmDoes(first.options());
		first.commandEnded(0);
		Path archive = first.usable().orElseThrow();

		Files.writeString(archive, "archived");

		ClassArchive next = ClassArchive.of(jar, List.of(), "status").orElseThrow();
		assertThat(next.usable()).isEmpty();
		assertThat(next.options()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="))
			.noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
	}

	@Test
	void sharingOptionsChosenByTheCallerAreLeftAlone() throws IOException {
		Path jar = Files.writeString(this.folder.resolve("samla.jar"), "application classes");
		assertThat(ClassArchive.of(jar, List.of("-Xshare:off"), "status")).isEmpty();
		assertThat(ClassArchive.of(jar, List.of("-XX:SharedArchiveFile=mine.jsa"), "status")).isEmpty();
		assertThat(ClassArchive.of(jar, List.of("-Xmx256m"), "status")).isPresent();
	}

	/** Writes the archive the options ask the JVM to write at exit. */
	private static Path writeAsTheJvmDoes(List<String> options) throws IOException {
		String write = options.stream()
			.filter(option -> option.startsWith("-XX:ArchiveClassesAtExit="))
			.findFirst()
			.orElseThrow();
		return Files.writeString(Path.of(write.substring(write.indexOf('=') + 1)), "archived classes");
	}

}
