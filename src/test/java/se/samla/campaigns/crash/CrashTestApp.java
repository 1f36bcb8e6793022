package se.samla.campaigns.crash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import se.samla.SamlaApplication;
import se.samla.campaigns.Delivery;
import se.samla.campaigns.MessageChannel;
import se.samla.campaigns.OutgoingMessage;
import se.samla.directory.Person;
import se.samla.shared.Channel;

/**
 * Samla as a separate process for {@code CrashTests}: a fixed clock (given on the command
 * line) and an email channel that appends each delivered message's key to a file, forced
 * to disk before it reports the message sent, so whatever reached "the recipient"
 * survives a kill.
 */
public final class CrashTestApp {

	private CrashTestApp() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(SamlaApplication.class, Parts.class).web(WebApplicationType.NONE).run(args);
	}

	// Deliberately not @Configuration: registered explicitly, never picked up by
	// component scanning.
	static class Parts {

		@Bean
		@Primary
		Clock crashTestClock(Environment environment) {
			return Clock.fixed(Instant.parse(environment.getRequiredProperty("crash.now")), ZoneOffset.UTC);
		}

		@Bean
		MessageChannel fileEmail(Environment environment) throws IOException {
			FileChannel file = FileChannel.open(Path.of(environment.getRequiredProperty("crash.deliveries")),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
			return new MessageChannel() {

				@Override
				public Channel channel() {
					return Channel.EMAIL;
				}

				@Override
				public boolean canReach(Person person) {
					return true;
				}

				@Override
				public synchronized Delivery deliver(OutgoingMessage message) {
					try {
						file.write(ByteBuffer.wrap((message.key().value() + "\n").getBytes(StandardCharsets.UTF_8)));
						file.force(false);
						Thread.sleep(3);
					}
					catch (IOException ex) {
						return new Delivery.Failed(ex.getMessage());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return new Delivery.Failed("interrupted");
					}
					return new Delivery.Sent("file:" + message.key().value());
				}

			};
		}

	}

}
