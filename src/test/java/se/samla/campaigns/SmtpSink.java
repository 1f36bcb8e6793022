package se.samla.campaigns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP server for benchmarks, started in a JVM of its own (so it does not share
 * the application's heap and threads): accepts every message and prints one line
 * {@code ACCEPTED <epoch millis> <Message-ID>} per message before answering 250, so the
 * process that started it can count lost and duplicated messages. Uses only the JDK.
 */
public final class SmtpSink {

	private SmtpSink() {
	}

	public static void main(String[] args) throws IOException {
		PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			out.println("PORT " + server.getLocalPort());
			out.flush();
			while (true) {
				Socket socket = server.accept();
				Thread thread = new Thread(() -> serve(socket, out));
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	private static void serve(Socket socket, PrintStream out) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream reply = socket.getOutputStream()) {
			answer(reply, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase();
				if (command.startsWith("EHLO")) {
					answer(reply, "250-sink\r\n250 8BITMIME");
				}
				else if (command.startsWith("DATA")) {
					answer(reply, "354 go ahead");
					String messageId = null;
					boolean headers = true;
					while ((line = in.readLine()) != null && !line.equals(".")) {
						if (line.isEmpty()) {
							headers = false;
						}
						else if (headers && messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
							messageId = line.substring(11).strip();
						}
					}
					synchronized (out) {
						out.println("ACCEPTED " + System.currentTimeMillis() + " " + messageId);
						out.flush();
					}
					answer(reply, "250 accepted");
				}
				else if (command.startsWith("QUIT")) {
					answer(reply, "221 bye");
					return;
				}
				else {
					// HELO, MAIL, RCPT, RSET, NOOP
					answer(reply, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away; nothing to clean up
		}
	}

	private static void answer(OutputStream reply, String text) throws IOException {
		reply.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		reply.flush();
	}

}
