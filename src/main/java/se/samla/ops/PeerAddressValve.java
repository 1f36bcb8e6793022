package se.samla.ops;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Notes the connection's own peer address, and whether the request carries forwarding
 * headers, before Tomcat's RemoteIpValve (server.forward-headers-strategy=native, and the
 * default on cloud platforms) rewrites the remote address and removes the headers it
 * used. It is the first valve of the engine, so it sees the request as it arrived.
 */
class PeerAddressValve extends ValveBase {

	PeerAddressValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(OperatorAccess.PEER_ADDRESS, request.getPeerAddr());
		request.setAttribute(OperatorAccess.FORWARDED, OperatorAccess.hasForwardingHeader(request));
		getNext().invoke(request, response);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.valves.ValveBase")
	static class Registration {

		@Bean
		FirstEngineValve peerAddressValve() {
			return new FirstEngineValve();
		}

	}

	/** Ordered before Spring Boot's own customizer, which adds the RemoteIpValve. */
	static class FirstEngineValve implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addEngineValves(new PeerAddressValve());
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
