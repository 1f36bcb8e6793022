package se.samla.email.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.email.AcceptedMail;
import se.samla.email.HeldMail;
import se.samla.email.MailReview;
import se.samla.shared.Refusal;

/** Emails held for review, and the operator's decisions on them. */
@RestController
class MailReviewController {

	static final String OPERATOR_HEADER = "X-Samla-Operator";

	private final MailReview review;

	private final Directory directory;

	MailReviewController(MailReview review, Directory directory) {
		this.review = review;
		this.directory = directory;
	}

	@GetMapping("/api/email/review")
	@Operation(summary = "Emails held for review: a valid reply token from another sender than the one invited")
	List<HeldMail> held() {
		return this.review.held();
	}

	/**
	 * Accepts a held email as the answers of the person with the given e-mail address;
	 * answers already recorded are kept unless {@code replace=true}. The operator named
	 * in the {@value #OPERATOR_HEADER} header (else "operator-token") is kept in the
	 * audit trail.
	 */
	@PostMapping("/api/email/review/{id}/accept")
	@Operation(summary = "Records a held email as the answers of the person with the given email address")
	AcceptedMail accept(@PathVariable UUID id,
			@Parameter(
					description = "the email address of the person the answer belongs to") @RequestParam String person,
			@Parameter(description = "replace answers the person has already recorded") @RequestParam(
					defaultValue = "false") boolean replace,
			@RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
		requireHeld(id);
		Person chosen = this.directory.personByEmail(person)
			.orElseThrow(() -> Refusal.notFound("api.person.unknown", person));
		return this.review.accept(id, chosen.id(),
				(operator != null && !operator.isBlank()) ? operator : "operator-token", replace);
	}

	@PostMapping("/api/email/review/{id}/discard")
	@Operation(summary = "Discards a held email: nothing is recorded")
	Map<String, String> discard(@PathVariable UUID id) {
		requireHeld(id);
		this.review.discard(id);
		return Map.of("outcome", "DISCARDED");
	}

	private void requireHeld(UUID id) {
		if (!this.review.exists(id)) {
			throw Refusal.notFound("api.email.unknown", id);
		}
		if (!this.review.isHeld(id)) {
			throw Refusal.conflict("api.email.decided", id);
		}
	}

}
