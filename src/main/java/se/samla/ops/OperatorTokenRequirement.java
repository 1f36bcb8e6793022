package se.samla.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a web server reachable beyond this machine without an operator token:
 * without one, the operator endpoints trust local callers only, which is safe only while
 * no one else can connect. "Beyond this machine" is a bind address
 * ({@code server.address}, {@code SAMLA_BIND_ADDRESS}) that is not a loopback address,
 * all interfaces included. Checked while the context starts, before the server accepts a
 * connection.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OperatorTokenRequirement {

	OperatorTokenRequirement(OperatorProperties properties, Environment environment) {
		String address = environment.getProperty("server.address");
		if (!properties.hasToken() && !isLoopback(address)) {
			throw new OperatorTokenRequiredException(
					(address == null || address.isBlank()) ? "all interfaces" : address);
		}
	}

	private static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address.strip()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The server would listen beyond this machine, and no operator token is set. */
	static class OperatorTokenRequiredException extends RuntimeException {

		private final String address;

		OperatorTokenRequiredException(String address) {
			super("Samla would listen on " + address
					+ ", reachable beyond this machine, without SAMLA_OPERATOR_TOKEN set");
			this.address = address;
		}

		String address() {
			return this.address;
		}

	}

}
