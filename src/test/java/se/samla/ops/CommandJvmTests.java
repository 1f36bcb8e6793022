package se.samla.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CommandJvmTests {

	@TempDir
	Path folder;

	@Test
	void aCommandStartedWithDashJarRunsTheUnpackedJarInAJvmWithTheQuickCompilerAndTheCallersOptions() throws Exception {
		Path jar = Files.createFile(this.folder.resolve("samla.jar"));
		Path unpacked = this.folder.resolve("cache/samla-1/samla.jar");
		List<String> command = CommandJvm
			.command(jar.toString(), Optional.of(List.of("-Xmx256m", "-Dsamla.x=1", "-jar", "samla.jar", "status")),
					(launched, options) -> new CommandJvm.Launch(launched.equals(jar) ? unpacked : launched,
							List.of("-XX:SharedArchiveFile=classes.jsa")),
					new String[] { "status", "demo-steg2" })
			.orElseThrow();
		assertThat(command.get(0)).endsWith("java");
		assertThat(command.subList(1, command.size())).containsExactly("-XX:TieredStopAtLevel=1",
				"-Dsamla.command.jvm=same", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=classes.jsa", "-Xmx256m",
				"-Dsamla.x=1", "-jar", unpacked.toString(), "status", "demo-steg2");
	}

	@Test
	void aCollectorChosenByTheCallerIsKept() throws Exception {
		Path jar = Files.createFile(this.folder.resolve("samla.jar"));
		List<String> command = CommandJvm
			.command(jar.toString(), Optional.of(List.of("-XX:+UseG1GC", "-jar", "samla.jar")),
					(launched, options) -> new CommandJvm.Launch(launched, List.of()), new String[] { "status" })
			.orElseThrow();
		assertThat(command).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
	}

	@Test
	void aCommandRunsInItsOwnJvmWhenNotStartedWithDashJarOrWhenTheCallerChoseTheCompiler() throws Exception {
		Path jar = Files.createFile(this.folder.resolve("samla.jar"));
		String[] args = { "status", "demo-steg2" };
		BiFunction<Path, List<String>, CommandJvm.Launch> unpacked = (launched, options) -> {
			throw new AssertionError("unpacked for a command that runs in its own JVM");
		};
		assertThat(CommandJvm.command(this.folder.resolve("classes").toString(),
				Optional.of(List.of("-cp", "classes", "se.samla.SamlaApplication")), unpacked, args))
			.as("class path of folders (IDE, tests)")
			.isEmpty();
		assertThat(CommandJvm.command(jar.toString(),
				Optional.of(List.of("-XX:TieredStopAtLevel=4", "-jar", "samla.jar", "status")), unpacked, args))
			.as("compiler chosen by the caller")
			.isEmpty();
		assertThat(CommandJvm.command(jar.toString(), Optional.empty(), unpacked, args)).as("arguments unknown")
			.isEmpty();
	}

}
