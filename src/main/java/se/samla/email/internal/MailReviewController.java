package se.samla.email.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.email.HeldMail;
import se.samla.email.MailReview;

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
	List<HeldMail> held() {
		return this.review.held();
	}

	/** Accepts a held email as the answer of the person with the given e-mail address. */
	@PostMapping("/api/email/review/{id}/accept")
	Map<String, String> accept(@PathVariable UUID id, @RequestParam String person) throws Exception {
		Person chosen = this.directory.personByEmail(person)
			.orElseThrow(() -> new IllegalArgumentException("no person " + person));
		return Map.of("outcome", this.review.accept(id, chosen.id()));
	}

	@PostMapping("/api/email/review/{id}/discard")
	Map<String, String> discard(@PathVariable UUID id) {
		this.review.discard(id);
		return Map.of("outcome", "DISCARDED");
	}

}
