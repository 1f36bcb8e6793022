package se.samla.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards the operator JSON endpoints under {@code /api/}: they show personal data, so
 * they need the configured bearer token, or, when none is configured, a request from this
 * machine.
 */
@Configuration(proxyBeanMethods = false)
class OperatorAccess implements WebMvcConfigurer, HandlerInterceptor {

	private final OperatorProperties properties;

	OperatorAccess(OperatorProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// the OpenAPI description too: it maps the operator surface
		registry.addInterceptor(this)
			.addPathPatterns("/api/**", "/v3/api-docs*", "/v3/api-docs/**")
			.excludePathPatterns("/api/messages");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (allowed(request)) {
			return true;
		}
		// answered by ApiErrors, as a problem detail like every other error of the API
		throw new TokenRequired();
	}

	private boolean allowed(HttpServletRequest request) {
		if (this.properties.hasToken()) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String expected = "Bearer " + this.properties.token();
			return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
					expected.getBytes(StandardCharsets.UTF_8));
		}
		try {
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The request lacks the operator's access. */
	static final class TokenRequired extends RuntimeException {

		TokenRequired() {
			super("operator token required", null, false, false);
		}

	}

}
