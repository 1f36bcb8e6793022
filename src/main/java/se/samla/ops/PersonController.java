package se.samla.ops;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import se.samla.ops.PersonalData.UnknownPersonException;

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
	Map<String, Object> export(@PathVariable String address) {
		return this.personalData.export(address);
	}

	@PostMapping("/api/persons/{address}/erase")
	Map<String, Integer> erase(@PathVariable String address,
			@RequestHeader(name = "X-Samla-Operator", required = false) String operator) {
		return this.personalData.erase(address,
				(operator != null && !operator.isBlank()) ? operator.strip() : "operator-token");
	}

	@ExceptionHandler(UnknownPersonException.class)
	ProblemDetail unknown(UnknownPersonException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

}
