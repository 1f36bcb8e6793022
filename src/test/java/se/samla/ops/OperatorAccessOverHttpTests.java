package se.samla.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import se.samla.SamlaApplication;
import se.samla.ops.OperatorTokenRequirement.OperatorTokenRequiredException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Who may use the operator endpoints, asked over real HTTP on a random port: forwarding
 * headers never make a caller local, whichever way Spring honours them; actuator
 * endpoints other than health need the same access as the JSON endpoints; and a server
 * reachable beyond this machine does not start without a token.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorAccessOverHttpTests {

	private static final String TOKEN = "s3cret-http-token";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void forwardedHeadersNeverMakeACallerLocalWhenTomcatHonoursThem() throws Exception {
		try (ConfigurableApplicationContext app = start("--server.forward-headers-strategy=native")) {
			assertForwardedCallersAreRefusedAndLocalOnesServed(app);
		}
	}

	@Test
	void forwardedHeadersNeverMakeACallerLocalWhenSpringsFilterHonoursThem() throws Exception {
		try (ConfigurableApplicationContext app = start("--server.forward-headers-strategy=framework")) {
			assertForwardedCallersAreRefusedAndLocalOnesServed(app);
		}
	}

	private void assertForwardedCallersAreRefusedAndLocalOnesServed(ConfigurableApplicationContext app)
			throws Exception {
		assertThat(status(app, "/api/send-outs")).isEqualTo(200);
		assertThat(status(app, "/api/send-outs", "X-Forwarded-For", "127.0.0.1, 10.0.0.5")).isEqualTo(401);
		assertThat(status(app, "/api/send-outs", "X-Forwarded-For", "127.0.0.1")).isEqualTo(401);
		assertThat(status(app, "/api/send-outs", "Forwarded", "for=127.0.0.1")).isEqualTo(401);
		assertThat(status(app, "/api/send-outs", "X-Real-IP", "127.0.0.1")).isEqualTo(401);
		assertThat(status(app, "/actuator/modulith", "X-Forwarded-For", "127.0.0.1")).isEqualTo(401);
		assertThat(status(app, "/actuator/health", "X-Forwarded-For", "10.0.0.5")).isEqualTo(200);
	}

	@Test
	void actuatorEndpointsOtherThanHealthNeedTheToken() throws Exception {
		try (ConfigurableApplicationContext app = start("--samla.operator.token=" + TOKEN,
				"--server.forward-headers-strategy=native")) {
			assertThat(status(app, "/actuator/modulith")).isEqualTo(401);
			assertThat(status(app, "/actuator/info")).isEqualTo(401);
			assertThat(status(app, "/actuator/modulith", "Authorization", "Bearer wrong")).isEqualTo(401);
			assertThat(status(app, "/actuator/info", "Authorization", "Bearer " + TOKEN)).isEqualTo(200);
			assertThat(
					status(app, "/api/send-outs", "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "203.0.113.7"))
				.isEqualTo(200);
			assertThat(status(app, "/%61pi/send-outs")).isEqualTo(401);
			assertThat(status(app, "//api/send-outs")).isEqualTo(401);
			assertThat(status(app, "/api/send-outs;x=1")).isEqualTo(401);
			assertThat(status(app, "/%61ctuator/info")).isEqualTo(401);
			assertThat(status(app, "/actuator/health")).isEqualTo(200);
			assertThat(status(app, "/actuator/health/liveness")).isEqualTo(200);
		}
	}

	@Test
	void actuatorEndpointsAnswerLocalCallersWithoutToken() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(status(app, "/actuator/info")).isEqualTo(200);
		}
	}

	@Test
	void refusesToStartBeyondThisMachineWithoutToken(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--server.address=0.0.0.0").close())
			.havingRootCause()
			.isInstanceOf(OperatorTokenRequiredException.class);
		assertThat(output)
			.contains("Samla would listen on 0.0.0.0, reachable beyond this machine, without SAMLA_OPERATOR_TOKEN set")
			.contains("SAMLA_BIND_ADDRESS=127.0.0.1");
	}

	@Test
	void startsBeyondThisMachineWithToken() throws Exception {
		try (ConfigurableApplicationContext app = start("--server.address=0.0.0.0",
				"--samla.operator.token=" + TOKEN)) {
			assertThat(status(app, "/api/send-outs")).isEqualTo(401);
			assertThat(status(app, "/api/send-outs", "Authorization", "Bearer " + TOKEN)).isEqualTo(200);
		}
	}

	private int status(ConfigurableApplicationContext app, String path, String... headers)
			throws IOException, InterruptedException {
		String port = app.getEnvironment().getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		args.addAll(List.of(arguments));
		return new SpringApplicationBuilder(SamlaApplication.class).run(args.toArray(String[]::new));
	}

}
