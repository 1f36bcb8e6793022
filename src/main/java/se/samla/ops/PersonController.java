package se.samla.ops;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import se.samla.ops.PersonalData.UnknownPersonException;
import se.samla.shared.Refusal;

/**
 * A person's data on request over HTTP, under the operator access of {@code /api/}. The
 * operator is named by the {@code X-Samla-Operator} header, else "operator-token".
 */
@RestController
class PersonController {

	private final PersonalData personalData;

	PersonController(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/api/persons/{address}/export")
	@Operation(summary = "Everything Samla holds on a person, as JSON (GDPR article 15)")
	Map<String, Object> export(@Parameter(description = "the person's email address") @PathVariable String address) {
		try {
			return this.personalData.export(address);
		}
		catch (UnknownPersonException ex) {
			throw Refusal.notFound("api.person.unknown", address);
		}
	}

	@PostMapping("/api/persons/{address}/erase")
	@Operation(summary = "Erases or pseudonymises a person's data, keeping aggregate counts (GDPR article 17)")
	Map<String, Integer> erase(@Parameter(description = "the person's email address") @PathVariable String address,
			@RequestHeader(name = "X-Samla-Operator", required = false) String operator) {
		try {
			return this.personalData.erase(address,
					(operator != null && !operator.isBlank()) ? operator.strip() : "operator-token");
		}
		catch (UnknownPersonException ex) {
			throw Refusal.notFound("api.person.unknown", address);
		}
	}

}
