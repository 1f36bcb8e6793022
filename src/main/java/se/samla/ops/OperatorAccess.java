package se.samla.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the operator JSON endpoints under {@code /api/} and the actuator endpoints other
 * than health: they show personal data and the application's inner workings, so they need
 * the configured bearer token, or, when none is configured, a request from this machine.
 * "From this machine" means the TCP peer of the connection is a loopback address and the
 * request names no other client in a forwarding header: forwarded headers are what a
 * proxy says, and a proxy on this machine would otherwise pass every outside caller as
 * local. Teams' {@code /api/messages} checks its own tokens.
 */
@Component
// First among the filters that could answer a request; the original request is read, so
// running after Spring's ForwardedHeaderFilter changes nothing.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OperatorAccess extends OncePerRequestFilter {

	/**
	 * Request attributes set by {@link PeerAddressValve} before anything rewrites the
	 * request.
	 */
	static final String PEER_ADDRESS = OperatorAccess.class.getName() + ".peer";

	static final String FORWARDED = OperatorAccess.class.getName() + ".forwarded";

	/** Headers by which a proxy names the client it forwards for. */
	static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Real-IP",
			"X-Client-IP", "True-Client-IP", "CF-Connecting-IP");

	private final OperatorProperties properties;

	private final Problems problems;

	private final JsonMapper json;

	OperatorAccess(OperatorProperties properties, Problems problems, JsonMapper json) {
		this.properties = properties;
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Decoded, without ;parameters and doubled slashes, as Spring MVC matches it: the
		// raw URI would let "/%61pi/send-outs" pass unguarded to /api/send-outs.
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		if (path.startsWith("/api/")) {
			return path.equals("/api/messages");
		}
		if (path.startsWith("/v3/api-docs")) {
			// the OpenAPI description maps the operator surface
			return false;
		}
		if (path.startsWith("/actuator")) {
			return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
		}
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (allowed(request)) {
			chain.doFilter(request, response);
			return;
		}
		// A problem detail like every other error of the API, written here: a filter's
		// refusal never reaches the controllers' exception handlers.
		ProblemDetail problem = this.problems.of(HttpStatus.UNAUTHORIZED, "api.operator-token-required");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		body.putAll(problem.getProperties());
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(this.json.writeValueAsString(body));
	}

	private boolean allowed(HttpServletRequest request) {
		if (this.properties.hasToken()) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String expected = "Bearer " + this.properties.token();
			return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
					expected.getBytes(StandardCharsets.UTF_8));
		}
		return fromThisMachine(request);
	}

	private static boolean fromThisMachine(HttpServletRequest request) {
		Object peer = request.getAttribute(PEER_ADDRESS);
		boolean forwarded;
		if (peer != null) {
			forwarded = Boolean.TRUE.equals(request.getAttribute(FORWARDED));
		}
		else {
			// Not on Tomcat: the innermost request is the server's own, before any filter
			// (Spring's ForwardedHeaderFilter) replaced the address and hid the headers.
			ServletRequest original = request;
			while (original instanceof ServletRequestWrapper wrapper) {
				original = wrapper.getRequest();
			}
			peer = original.getRemoteAddr();
			forwarded = original instanceof HttpServletRequest http && hasForwardingHeader(http);
		}
		return !forwarded && isLoopback(peer.toString());
	}

	static boolean hasForwardingHeader(HttpServletRequest request) {
		return FORWARDING_HEADERS.stream().anyMatch(name -> request.getHeader(name) != null);
	}

	private static boolean isLoopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
