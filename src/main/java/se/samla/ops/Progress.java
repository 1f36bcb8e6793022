package se.samla.ops;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows on the terminal that long work is going on: what, which step, and for how long,
 * on one line that is rewritten in place and cleared at the end. Only on a terminal
 * ({@link System#console()}): redirected output and tests get nothing from it.
 */
final class Progress implements AutoCloseable {

	private static final Progress NONE = new Progress(null, "", System::nanoTime);

	private final PrintWriter terminal;

	private final String work;

	private final LongSupplier nanoTime;

	private final long started;

	private ScheduledExecutorService ticker;

	private volatile String step = "";

	private int shown;

	private boolean closed;

	Progress(PrintWriter terminal, String work, LongSupplier nanoTime) {
		this.terminal = terminal;
		this.work = work;
		this.nanoTime = nanoTime;
		this.started = nanoTime.getAsLong();
	}

	/** Progress of {@code work} on the terminal, or nothing when there is none. */
	static Progress start(String work) {
		Console console = System.console();
		if (console == null) {
			return NONE;
		}
		Progress progress = new Progress(console.writer(), work, System::nanoTime);
		progress.tickEverySecond();
		return progress;
	}

	/** The work has moved on to another step. */
	void step(String step) {
		this.step = step;
		show();
	}

	/** Rewrites the line: the work, its step and the seconds so far. */
	synchronized void show() {
		if (this.terminal == null || this.closed) {
			return;
		}
		long seconds = Duration.ofNanos(this.nanoTime.getAsLong() - this.started).toSeconds();
		String line = this.work + (this.step.isEmpty() ? "" : ": " + this.step) + " … " + seconds + " s";
		this.terminal.print("\r" + line + " ".repeat(Math.max(0, this.shown - line.length())));
		this.terminal.flush();
		this.shown = line.length();
	}

	private void tickEverySecond() {
		this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "samla-progress");
			thread.setDaemon(true);
			return thread;
		});
		this.ticker.scheduleAtFixedRate(this::show, 0, 1, TimeUnit.SECONDS);
	}

	/** Clears the line, so that the command's own output starts on a clean line. */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
		if (this.terminal != null && this.shown > 0) {
			this.terminal.print("\r" + " ".repeat(this.shown) + "\r");
			this.terminal.flush();
			this.shown = 0;
		}
	}

}
