package se.samla.ops;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI description the app serves covers every operator endpoint, says how to
 * authenticate and what an error looks like, and is itself operator data.
 */
@SpringBootTest(properties = "samla.operator.token=" + OpenApiDescriptionTests.TOKEN)
@AutoConfigureMockMvc
class OpenApiDescriptionTests {

	static final String TOKEN = "openapi-test-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void listsEveryOperatorEndpoint() throws Exception {
		JsonNode api = description();
		Set<String> described = new TreeSet<>();
		api.path("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(operation -> described.add(operation.getKey().toUpperCase() + " " + path.getKey())));
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods()
			.forEach((info, handler) -> info.getPatternValues()
				.stream()
				.filter(pattern -> pattern.startsWith("/api/") && !pattern.equals("/api/messages"))
				.forEach(pattern -> info.getMethodsCondition()
					.getMethods()
					.forEach(method -> mapped.add(method + " " + pattern))));

		assertThat(mapped).isNotEmpty();
		assertThat(described).isEqualTo(mapped);
	}

	@Test
	void describesEveryOperationWithASummaryTheBearerTokenAndProblemDetails() throws Exception {
		JsonNode api = description();

		assertThat(api.at("/components/securitySchemes/operator/scheme").asString()).isEqualTo("bearer");
		assertThat(api.at("/security/0").has("operator")).isTrue();
		assertThat(api.at("/components/schemas/Problem/properties/detail/type").asString()).isEqualTo("string");
		api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			String name = operation.getKey() + " " + path.getKey();
			assertThat(operation.getValue().path("summary").asString()).as(name).isNotBlank();
			for (String status : new String[] { "400", "401", "500" }) {
				assertThat(operation.getValue()
					.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
					.asString()).as(name + " " + status).isEqualTo("#/components/schemas/Problem");
			}
		}));
	}

	@Test
	void describesIdsAsStrings() throws Exception {
		JsonNode schemas = description().path("components").path("schemas");

		assertThat(schemas.at("/Questionnaire/properties/id/type").asString()).isEqualTo("string");
		assertThat(schemas.at("/PreviewedMessage/properties/person/type").asString()).isEqualTo("string");
		assertThat(schemas.at("/AuditEntry/properties/step/type").asString()).isEqualTo("string");
		assertThat(schemas.at("/SendOutView/properties/id/type").asString()).isEqualTo("string");
	}

	@Test
	void servesTheDescriptionAsYamlToo() throws Exception {
		this.mvc.perform(get("/v3/api-docs.yaml").header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/send-outs/{id}/extend")));
	}

	@Test
	void needsTheOperatorsAccess() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("api.operator-token-required"));
		this.mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isUnauthorized());
	}

	private JsonNode description() throws Exception {
		String body = this.mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body);
	}

}
