package se.samla.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samla.email.internal.InboundRecords;
import se.samla.email.internal.InboundStatus;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of the JSON endpoints, over real HTTP, is a problem detail whose detail
 * says what went wrong in Swedish and in English, with the right status and nothing of
 * the inside.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "samla.operator.token=" + ApiProblemTests.TOKEN)
@Import({ TestClockConfiguration.class, ApiProblemTests.TestEndpoints.class })
class ApiProblemTests {

	static final String TOKEN = "problem-test-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	InboundRecords inbound;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	static Stream<Arguments> errors() {
		return Stream.of(
				Arguments.of("GET", "/api/send-outs/steg2-2026/preview", null, null, 400, "api.missing-parameter",
						"Parametern date saknas", "The parameter date is missing"),
				Arguments.of("GET", "/api/send-outs/steg2-2026/preview?date=31/12", null, null, 400,
						"api.invalid-parameter", "Värdet \"31/12\" för date", "The value \"31/12\" of date"),
				Arguments.of("DELETE", "/api/send-outs", null, null, 405, "api.method-not-allowed",
						"Metoden DELETE stöds inte här; använd GET",
						"The method DELETE is not supported here; use GET"),
				Arguments.of("POST", "/api/test/echo", "text/plain", "hej", 415, "api.media-type-not-supported",
						"Innehållstypen text/plain stöds inte", "The content type text/plain is not supported"),
				Arguments.of("POST", "/api/test/echo", "application/json", "{\"count\": ", 400, "api.unreadable-body",
						"går inte att läsa", "cannot be read"),
				Arguments.of("GET", "/api/no-such-thing", null, null, 404, "api.no-such-path",
						"Det finns ingen GET /api/no-such-thing", "There is no GET /api/no-such-thing"),
				Arguments.of("GET", "/no-such-page", null, null, 404, "api.no-such-path",
						"Det finns ingen GET /no-such-page", "There is no GET /no-such-page"),
				Arguments.of("GET", "/api/send-outs/NOT%20VALID", null, null, 400, "api.send-out.invalid-id",
						"\"NOT VALID\" är inget giltigt id för ett utskick",
						"\"NOT VALID\" is not a valid send-out id"),
				Arguments.of("GET", "/api/send-outs/nope", null, null, 404, "api.send-out.unknown",
						"Utskicket nope finns inte.", "There is no send-out nope."),
				Arguments.of("GET", "/api/questionnaires/nope", null, null, 404, "api.questionnaire.unknown",
						"Enkäten nope finns inte.", "There is no questionnaire nope."),
				Arguments.of("GET", "/api/responses/00000000-0000-0000-0000-000000000000", null, null, 404,
						"api.response.unknown", "Svaret 00000000-0000-0000-0000-000000000000 finns inte.",
						"There is no response 00000000-0000-0000-0000-000000000000."),
				Arguments.of("GET", "/api/responses/not-a-uuid", null, null, 400, "api.response.invalid-id",
						"\"not-a-uuid\" är inget giltigt id för ett svar", "\"not-a-uuid\" is not a valid response id"),
				Arguments.of("POST", "/api/email/review/00000000-0000-0000-0000-000000000000/discard", null, null, 404,
						"api.email.unknown", "Det finns inget mejl", "There is no email"),
				Arguments.of("POST", "/api/send-outs/steg2-2026/extend?deadline=next%20week", null, null, 400,
						"api.deadline.unreadable", "\"next week\" är inget datum", "\"next week\" is not a date"),
				Arguments.of("POST", "/api/send-outs/steg2-2026/extend?deadline=2020-01-01", null, null, 400,
						"api.deadline.before-opening", "måste komma efter att utskicket öppnar",
						"must come after the send-out opens"),
				Arguments.of("GET", "/api/test/fail", null, null, 500, "api.internal-error",
						"Ett oväntat fel inträffade", "An unexpected error occurred"),
				Arguments.of("GET", "/api/test/send-error", null, null, 418, "api.request-failed",
						"Förfrågan kunde inte utföras (HTTP 418)", "The request could not be carried out (HTTP 418)"));
	}

	@ParameterizedTest(name = "{0} {1} -> {4}")
	@MethodSource("errors")
	void answersEveryKindOfErrorWithAProblemDetailInSwedishAndEnglish(String method, String path, String contentType,
			String body, int status, String code, String swedish, String english) throws Exception {
		HttpResponse<String> response = send(method, path, contentType, body, TOKEN);

		assertProblem(response, status, code, swedish, english);
		assertThat(JSON.readTree(response.body()).path("instance").asString()).isEqualTo(URI.create(path).getRawPath());
	}

	@Test
	void refusesARequestWithoutTheOperatorTokenWithAProblemDetail() throws Exception {
		HttpResponse<String> response = send("GET", "/api/send-outs", null, null, null);

		assertProblem(response, 401, "api.operator-token-required", "Operatörens token krävs",
				"The operator token is required");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void doesNotTellTheInsideOfAnUnexpectedError() throws Exception {
		HttpResponse<String> response = send("GET", "/api/test/fail", null, null, TOKEN);

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("secret inner state")
			.doesNotContain("IllegalStateException")
			.doesNotContain("at se.samla");
	}

	@Test
	void refusesToDecideAnEmailTwiceAndNamesAnUnknownPerson() throws Exception {
		UUID id = this.inbound
			.keep("test-" + UUID.randomUUID(), null, null,
					"Subject: svar\r\n\r\nhej\r\n".getBytes(StandardCharsets.UTF_8), Instant.now())
			.orElseThrow();
		this.inbound.outcome(id, InboundStatus.REVIEW, "held for a test", null, null, null, Instant.now());

		assertProblem(send("POST", "/api/email/review/" + id + "/accept?person=nobody@example.org", null, null, TOKEN),
				404, "api.person.unknown", "ingen person med adressen nobody@example.org",
				"no person with the address nobody@example.org");
		assertThat(send("POST", "/api/email/review/" + id + "/discard", null, null, TOKEN).statusCode()).isEqualTo(200);
		assertProblem(send("POST", "/api/email/review/" + id + "/discard", null, null, TOKEN), 409, "api.email.decided",
				"redan avgjort", "has been decided");
	}

	@Test
	void refusesToMoveTheDeadlineOfASendOutClosedEarly() throws Exception {
		assertThat(send("POST", "/api/send-outs/uppfoljning-2026/close", null, null, TOKEN).statusCode())
			.isEqualTo(200);

		assertProblem(send("POST", "/api/send-outs/uppfoljning-2026/extend?deadline=2027-06-30", null, null, TOKEN),
				409, "api.send-out.closed-early", "är stängt i förtid", "was closed early");
	}

	static Stream<Arguments> sendOutEndpoints() {
		return Stream.of(Arguments.of("GET", "/api/send-outs/{id}", ""),
				Arguments.of("GET", "/api/send-outs/{id}/responses", ""),
				Arguments.of("GET", "/api/send-outs/{id}/recipients", ""),
				Arguments.of("GET", "/api/send-outs/{id}/preview", "?date=2026-12-01"),
				Arguments.of("GET", "/api/send-outs/{id}/schedule", ""),
				Arguments.of("POST", "/api/send-outs/{id}/pause", ""),
				Arguments.of("POST", "/api/send-outs/{id}/resume", ""),
				Arguments.of("POST", "/api/send-outs/{id}/send-now", ""),
				Arguments.of("POST", "/api/send-outs/{id}/resend-logged", ""),
				Arguments.of("POST", "/api/send-outs/{id}/close", ""),
				Arguments.of("POST", "/api/send-outs/{id}/extend", "?deadline=2026-12-24"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("sendOutEndpoints")
	void answersAnUnknownSendOutWithNotFound(String method, String template, String query) throws Exception {
		HttpResponse<String> response = send(method, template.replace("{id}", "nope") + query, null, null, TOKEN);

		assertProblem(response, 404, "api.send-out.unknown", "Utskicket nope finns inte.",
				"There is no send-out nope.");
	}

	@Test
	void checksAnUnknownSendOutOnEveryEndpointThatNamesOne() {
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods()
			.forEach((info, handler) -> info.getPatternValues()
				.stream()
				.filter(pattern -> pattern.startsWith("/api/send-outs/{"))
				.forEach(pattern -> info.getMethodsCondition()
					.getMethods()
					.forEach(method -> mapped.add(method + " " + pattern.replaceFirst("\\{[^}]+}", "{id}")))));
		Set<String> tested = new TreeSet<>();
		sendOutEndpoints().forEach(arguments -> tested.add(arguments.get()[0] + " " + arguments.get()[1]));

		assertThat(tested).isEqualTo(mapped);
	}

	private void assertProblem(HttpResponse<String> response, int status, String code, String swedish, String english)
			throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.as(type)
					.isTrue());
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("title").asString()).isNotBlank();
		String detail = problem.path("detail").asString();
		int separator = detail.indexOf(Problems.SEPARATOR);
		assertThat(separator).as(detail).isPositive();
		assertThat(detail.substring(0, separator)).contains(swedish);
		assertThat(detail.substring(separator + Problems.SEPARATOR.length())).contains(english);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("trace");
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	/**
	 * Endpoints only this test has: a JSON body, an unexpected failure, a container
	 * error.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class TestEndpoints {

		@PostMapping(path = "/api/test/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Integer> echo(@RequestBody Map<String, Integer> body) {
			return body;
		}

		@GetMapping("/api/test/fail")
		String fail() {
			throw new IllegalStateException("secret inner state");
		}

		@GetMapping("/api/test/send-error")
		void sendError(HttpServletResponse response) throws IOException {
			response.sendError(418);
		}

	}

}
