package se.samla.email.internal.intake;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import se.samla.email.internal.intake.ReplyLink.Link;
import se.samla.email.internal.intake.ReplyLink.Via;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyLinkTests {

	private static final Map<String, String> SENT = Map.of("<inv.1@samla.example.org>", "abcdefghijklmnop",
			"<rem.2@samla.example.org>", "qrstuvwxyz234567");

	private static final Function<String, Optional<String>> LOOKUP = (id) -> Optional.ofNullable(SENT.get(id));

	@Test
	void findsThePlusTokenInToLowerCasingIt() {
		assertThat(find("To: Samla <ENKAT+ABCDEFGHIJKLMNOP@samla.example.org>\n"))
			.contains(new Link("abcdefghijklmnop", Via.PLUS_ADDRESS));
	}

	@Test
	void findsThePlusTokenInCcDeliveredToAndXOriginalTo() {
		for (String header : new String[] { "Cc", "Delivered-To", "X-Original-To" }) {
			assertThat(find("To: samla@samla.example.org\n" + header + ": enkat+abcdefghijklmnop@samla.example.org\n"))
				.as(header)
				.contains(new Link("abcdefghijklmnop", Via.PLUS_ADDRESS));
		}
	}

	@Test
	void ignoresOtherDomainsOtherLocalPartsAndMalformedTokens() {
		assertThat(find("To: enkat+abcdefghijklmnop@other.example.org\n")).isEmpty();
		assertThat(find("To: enkat+abcdefghijklmnop@samla.example.org.evil.example\n")).isEmpty();
		assertThat(find("To: xenkat+abcdefghijklmnop@samla.example.org\n")).isEmpty();
		assertThat(find("To: bounce+abcdefghijklmnop@samla.example.org\n")).isEmpty();
		assertThat(find("To: enkat+abc@samla.example.org\n")).isEmpty();
		assertThat(find("To: enkat+abcdefghijklmno1@samla.example.org\n")).isEmpty();
	}

	@Test
	void skipsAMalformedPlusAddressForAWellFormedOne() {
		assertThat(find("To: enkat+x@samla.example.org, enkat+abcdefghijklmnop@samla.example.org\n"))
			.contains(new Link("abcdefghijklmnop", Via.PLUS_ADDRESS));
	}

	@Test
	void thePlusAddressWinsOverMessageIds() {
		assertThat(find("""
				To: enkat+abcdefghijklmnop@samla.example.org
				In-Reply-To: <rem.2@samla.example.org>
				""")).contains(new Link("abcdefghijklmnop", Via.PLUS_ADDRESS));
	}

	@Test
	void fallsBackToOurMessageIdInInReplyTo() {
		assertThat(find("""
				To: samla@samla.example.org
				In-Reply-To: <inv.1@samla.example.org>
				References: <rem.2@samla.example.org>
				""")).contains(new Link("abcdefghijklmnop", Via.IN_REPLY_TO));
	}

	@Test
	void thenToAnyOfOurMessageIdsInReferences() {
		assertThat(find("""
				To: samla@samla.example.org
				In-Reply-To: <someone-else@kumla.example.org>
				References: <inv.1@samla.example.org>
				 <someone-else@kumla.example.org>
				""")).contains(new Link("abcdefghijklmnop", Via.REFERENCES));
	}

	@Test
	void takesTheSubjectTagOnlyAsAHint() {
		assertThat(find("To: samla@samla.example.org\nSubject: SV: [Samla abcdefghijklmnop] Kartläggning\n"))
			.contains(new Link("abcdefghijklmnop", Via.SUBJECT_TAG));
		assertThat(find("To: samla@samla.example.org\nSubject: SV: [Samla Kumla #ABCDEFGHIJKLMNOP]\n"))
			.contains(new Link("abcdefghijklmnop", Via.SUBJECT_TAG));
	}

	@Test
	void ignoresSubjectsWithoutATagOrWithoutAToken() {
		assertThat(find("To: samla@samla.example.org\nSubject: SV: abcdefghijklmnop\n")).isEmpty();
		assertThat(find("To: samla@samla.example.org\nSubject: SV: [Samla] Kartläggning\n")).isEmpty();
		assertThat(find("To: samla@samla.example.org\nSubject: SV: [Samla kompetensforsorjning]\n")).isEmpty();
	}

	@Test
	void findsNothingWithoutAnyLink() {
		assertThat(find("To: samla@samla.example.org\nSubject: Svar på enkäten\n")).isEmpty();
	}

	@Test
	void fromMatchesComparesTheAddressIgnoringCase() {
		MimeMessage message = Mails
			.parse("From: Anna Berg <Anna.Berg@Kumla.example.org>\nTo: x@y.example.org\n\nhej\n");
		assertThat(ReplyLink.fromMatches(message, "anna.berg@kumla.example.org")).isTrue();
		assertThat(ReplyLink.fromMatches(message, " ANNA.BERG@kumla.example.org ")).isTrue();
		assertThat(ReplyLink.fromMatches(message, "lisa.strom@kumla.example.org")).isFalse();
		assertThat(ReplyLink.fromMatches(message, null)).isFalse();
	}

	@Test
	void fromDoesNotMatchWhenTheDisplayNameAloneLooksRight() {
		MimeMessage message = Mails
			.parse("From: \"anna.berg@kumla.example.org\" <anna.berg@kumla-example.net>\nTo: x@y.example.org\n\nhej\n");
		assertThat(ReplyLink.fromMatches(message, "anna.berg@kumla.example.org")).isFalse();
	}

	private static Optional<Link> find(String headers) {
		return ReplyLink.find(Mails.parse("From: Anna Berg <anna.berg@kumla.example.org>\n" + headers + "\nhej\n"),
				Mails.ADDRESSES, LOOKUP);
	}

}
