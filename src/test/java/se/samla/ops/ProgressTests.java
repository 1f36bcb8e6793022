package se.samla.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	private final StringWriter terminal = new StringWriter();

	private final AtomicLong now = new AtomicLong();

	@Test
	void rewritesOneLineWithTheStepAndTheSecondsSoFar() {
		Progress progress = new Progress(new PrintWriter(this.terminal), "digest steg2-2026", this.now::get);

		progress.step("compiling");
		this.now.addAndGet(Duration.ofSeconds(3).toNanos());
		progress.step("rendering");

		assertThat(this.terminal.toString())
			.isEqualTo("\rdigest steg2-2026: compiling … 0 s" + "\rdigest steg2-2026: rendering … 3 s");
	}

	@Test
	void clearsItsLineWhenTheWorkIsDone() {
		Progress progress = new Progress(new PrintWriter(this.terminal), "preview", this.now::get);
		progress.step("x");

		progress.close();
		progress.step("too late");

		assertThat(this.terminal.toString()).endsWith("\r" + " ".repeat("preview: x … 0 s".length()) + "\r");
	}

}
