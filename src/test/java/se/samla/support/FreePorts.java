package se.samla.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Ports free at the moment asked, for servers a test starts before the application is
 * configured (so that tests running side by side never meet on a fixed port).
 */
public final class FreePorts {

	private FreePorts() {
	}

	public static int free() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * GreenMail's SMTP and IMAP on ports free now, the same for every start of the server
	 * (a GreenMail extension restarts it for each test while the application keeps its
	 * configuration): {@code [0]} SMTP, {@code [1]} IMAP.
	 */
	public static ServerSetup[] smtpAndImap() {
		return new ServerSetup[] { ServerSetupTest.SMTP.port(free()), ServerSetupTest.IMAP.port(free()) };
	}

}
