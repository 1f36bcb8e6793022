package se.samla.email;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import se.samla.email.internal.reading.AnswerMapper;
import se.samla.email.internal.reading.AnswerMapper.AskedQuestion;
import se.samla.email.internal.reading.ReplyBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email figures for {@code BENCHMARKS.md}: sending 2,000 invitations to a local SMTP
 * server over one reused connection against one connection per message, and reading 1,000
 * replies (body, quotes, signature, answer mapping). Run with
 * {@code ./mvnw -q test -Pbenchmark -Dtest=EmailBenchmark}; prints, asserts no time.
 */
class EmailBenchmark {

	private static final int MESSAGES = 2000;

	private static final int REPLIES = 1000;

	@Test
	void sendingAndReading() throws Exception {
		GreenMail server = new GreenMail(new ServerSetup(3625, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			Properties settings = new Properties();
			settings.put("mail.smtp.host", "127.0.0.1");
			settings.put("mail.smtp.port", "3625");
			Session session = Session.getInstance(settings);
			List<MimeMessage> messages = new ArrayList<>();
			for (int i = 0; i < MESSAGES; i++) {
				messages.add(invitation(session, i));
			}
			send(session, messages.subList(0, 200), true);
			double reused = send(session, messages, true);
			double separate = send(session, messages, false);
			System.out.printf(
					"EMAIL BENCHMARK: %d invitations, one reused connection: %.0f messages/s; "
							+ "one connection per message: %.0f messages/s; ratio %.1f%n",
					MESSAGES, reused, separate, reused / separate);
		}
		finally {
			server.stop();
		}

		List<byte[]> corpus = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/email/corpus"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
				corpus.add(Files.readAllBytes(file));
			}
		}
		List<AskedQuestion> asked = List.of(new AskedQuestion(1, "Vad ser ni för mönster i resultatet?", false),
				new AskedQuestion(2, "Vilka kompetensförsörjningsaktiviteter gör ni idag?", false),
				new AskedQuestion(3, "Vilka ytterligare aktiviteter skulle vara relevanta?", false),
				new AskedQuestion(4, "Inom vilka områden ser ni behov av att samverka?", false),
				new AskedQuestion(5, "Övriga tankar/medskick", false));
		Session parsing = Session.getInstance(new Properties());
		int mapped = 0;
		for (int warmup = 0; warmup < 300; warmup++) {
			read(parsing, corpus.get(warmup % corpus.size()), asked);
		}
		long start = System.nanoTime();
		for (int i = 0; i < REPLIES; i++) {
			mapped += read(parsing, corpus.get(i % corpus.size()), asked);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("EMAIL BENCHMARK: read %d replies (%d corpus files in turn) in %.0f ms: %.0f replies/s%n",
				REPLIES, corpus.size(), seconds * 1000, REPLIES / seconds);
		assertThat(mapped).isPositive();
	}

	private static int read(Session session, byte[] raw, List<AskedQuestion> asked) throws Exception {
		try (InputStream in = new java.io.ByteArrayInputStream(raw)) {
			MimeMessage message = new MimeMessage(session, in);
			return AnswerMapper.map(ReplyBody.extract(message).stripped(), asked).answers().size();
		}
	}

	private static double send(Session session, List<MimeMessage> messages, boolean reuse) throws Exception {
		long start = System.nanoTime();
		if (reuse) {
			try (Transport transport = session.getTransport("smtp")) {
				transport.connect();
				for (MimeMessage message : messages) {
					transport.sendMessage(message, message.getAllRecipients());
				}
			}
		}
		else {
			for (MimeMessage message : messages) {
				Transport.send(message);
			}
		}
		return messages.size() / ((System.nanoTime() - start) / 1e9);
	}

	private static MimeMessage invitation(Session session, int i) throws Exception {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("samla@samla.example.org"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("chef" + i + "@example.org"));
		message.setSubject("Kartläggning steg 2 – svara senast 18 december 2026", "UTF-8");
		message.setText(
				"Hej!\n\n1. Vad ser ni för mönster i resultatet?\n2. Vilka aktiviteter gör ni idag?\n".repeat(20),
				"UTF-8");
		message.saveChanges();
		return message;
	}

}
