package se.samla.email.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.email.HeldMail;
import se.samla.email.MailReview;
import se.samla.shared.Refusal;

/** Emails held for review, and the operator's decisions on them. */
@RestController
class MailReviewController {

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

	/** Accepts a held email as the answer of the person with the given e-mail address. */
	@PostMapping("/api/email/review/{id}/accept")
	@Operation(summary = "Records a held email as the answer of the person with the given email address")
	Map<String, String> accept(@PathVariable UUID id,
			@Parameter(
					description = "the email address of the person the answer belongs to") @RequestParam String person)
			throws Exception {
		requireHeld(id);
		Person chosen = this.directory.personByEmail(person)
			.orElseThrow(() -> Refusal.notFound("api.person.unknown", person));
		return Map.of("outcome", this.review.accept(id, chosen.id()));
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
