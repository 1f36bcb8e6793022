package se.samla.ops;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.samla.answers.ResponseId;
import se.samla.answers.StepKey;
import se.samla.directory.ActivityId;
import se.samla.directory.OrganisationId;
import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

/**
 * The OpenAPI description of the operator JSON endpoints, served at {@code /v3/api-docs}
 * (and {@code .yaml}) behind the same operator access. springdoc reads the endpoints from
 * the controllers; this adds what it cannot see: the bearer token, the problem details
 * every error is answered with, and ids as the plain strings Jackson writes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

	static {
		// the ids are written as their value (@JsonValue), so described as such
		SpringDocUtils.getConfig()
			.replaceWithClass(SendOutId.class, String.class)
			.replaceWithClass(QuestionnaireId.class, String.class)
			.replaceWithClass(OrganisationId.class, String.class)
			.replaceWithClass(ActivityId.class, String.class)
			.replaceWithClass(StepKey.class, String.class)
			.replaceWithClass(PersonId.class, UUID.class)
			.replaceWithClass(ResponseId.class, UUID.class);
	}

	private static final String PROBLEM = "Problem";

	private static final String OPERATOR = "operator";

	private static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI samlaOpenApi() {
		String version = OpenApiDescription.class.getPackage().getImplementationVersion();
		return new OpenAPI()
			.info(new Info().title("Samla operator API")
				.version((version != null) ? version : "development")
				.description("Send-outs, responses, questionnaires and emails held for review, and the operator's "
						+ "actions on them. Every error is a problem detail (RFC 9457, application/problem+json) "
						+ "whose detail is in Swedish, then ' / ', then in English; its code names the message."))
			.components(new Components().addSecuritySchemes(OPERATOR,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("SAMLA_OPERATOR_TOKEN; without one configured, requests from this machine only")))
			.addSecurityItem(new SecurityRequirement().addList(OPERATOR));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return api -> {
			// springdoc builds the components from the controllers, after this class's
			// bean
			api.getComponents().addSchemas(PROBLEM, problemSchema());
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				ApiResponses responses = operation.getResponses();
				add(responses, "400", "a missing or malformed parameter");
				add(responses, "401", "the operator token is missing or wrong");
				if (path.contains("{")) {
					add(responses, "404", "what the path names does not exist");
				}
				if (path.endsWith("/extend") || path.startsWith("/api/email/review/")) {
					add(responses, "409", "the action does not fit the current state");
				}
				add(responses, "500", "an unexpected error (nothing of it is told)");
			}));
		};
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType(PROBLEM_JSON,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
		}
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An error, as RFC 9457 describes it")
			.addProperty("type", new StringSchema().format("uri").example("about:blank"))
			.addProperty("title", new StringSchema().example("Not Found"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail",
					new StringSchema().description("in Swedish, then ' / ', then in English")
						.example("Utskicket nope finns inte. / There is no send-out nope."))
			.addProperty("instance", new StringSchema().format("uri").example("/api/send-outs/nope"))
			.addProperty("code", new StringSchema().description("the message code").example("api.send-out.unknown"))
			.required(List.of("type", "title", "status", "detail"));
	}

}
