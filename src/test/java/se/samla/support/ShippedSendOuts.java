package se.samla.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The send-outs shipped in {@code scheduler/}, enabled the way a deployment enables them
 * (their {@code enabled: false} turned into {@code enabled: true}), for tests that work
 * on the real send-outs as a running deployment would.
 */
public final class ShippedSendOuts {

	private static final Path ENABLED = Path.of("target", "test-scheduler-enabled");

	private ShippedSendOuts() {
	}

	/**
	 * Points {@code samla.campaigns.location} at an enabled copy of the shipped files.
	 */
	public static void enable(DynamicPropertyRegistry registry) {
		Path location = enabledCopy();
		registry.add("samla.campaigns.location", location::toString);
	}

	public static synchronized Path enabledCopy() {
		try {
			Files.createDirectories(ENABLED);
			try (Stream<Path> files = Files.list(Path.of("scheduler"))) {
				for (Path file : files.filter(file -> file.toString().endsWith(".yml")).toList()) {
					String text = Files.readString(file);
					if (!text.contains("\nenabled: false\n")) {
						throw new IllegalStateException(file + " is expected to be shipped with enabled: false");
					}
					Files.writeString(ENABLED.resolve(file.getFileName()),
							text.replace("\nenabled: false\n", "\nenabled: true\n"));
				}
			}
			return ENABLED;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
