package se.samla.email.internal.reading;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import se.samla.email.internal.reading.QuoteStripper.Stripped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Replies are cut from the history and signature each common mail client adds. */
class QuoteStripperTests {

	private static final String ANSWERS = """
			1. Vi ser brist på sjuksköterskor och behöver rusta chefer.
			2. Introduktionsprogram och språkombud.""";

	@Test
	void stripsOutlookSwedishHeaderBlock() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """


				Från: Samla enkät <enkat+k3x9@samla.se>
				Skickat: den 3 december 2026 09:12
				Till: Anna Svensson <anna.svensson@kumla.se>
				Ämne: Kartläggning steg 2

				Hej Anna!
				1. Vad ser ni för mönster i resultatet?
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		assertThat(stripped.quoted()).startsWith("Från: Samla enkät").contains("Vad ser ni för mönster");
		assertThat(stripped.inlineAnswers()).isFalse();
	}

	@Test
	void stripsOutlookUnderscoreSeparator() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """

				________________________________
				Från: Samla enkät <enkat+k3x9@samla.se>
				Skickat: den 3 december 2026 09:12
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsOutlookEnglishOriginalMessage() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """

				-----Original Message-----
				From: Samla <enkat+k3x9@samla.se>
				Sent: Thursday, December 3, 2026 9:12 AM
				To: Anna Svensson <anna.svensson@kumla.se>
				Subject: Survey
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		assertThat(stripped.quoted()).startsWith("-----Original Message-----");
	}

	@Test
	void stripsOutlookEnglishHeaderBlockWithoutSeparator() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """

				From: Samla <enkat+k3x9@samla.se>
				Sent: Thursday, December 3, 2026 9:12 AM
				To: Anna Svensson <anna.svensson@kumla.se>
				Subject: Survey
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsSwedishOriginalMessageSeparator() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + "\n-----Ursprungligt meddelande-----\nFrån: Samla\n");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsNewOutlookHeaderWithDatum() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """

				Från: Samla enkät <enkat+k3x9@samla.se>
				Datum: torsdag, 3 december 2026 09:12
				Till: Anna Svensson <anna.svensson@kumla.se>
				Ämne: Kartläggning steg 2
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsGmailQuoteWithAttributionWrappedOverLines() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """


				Den tors 3 dec. 2026 kl 09:12 skrev Samla enkät för kompetensförsörjning <
				enkat+k3x9@samla.se>:

				> Hej Anna!
				> 1. Vad ser ni för mönster i resultatet?
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		assertThat(stripped.quoted()).startsWith("Den tors 3 dec. 2026").contains("> 1. Vad ser ni");
		assertThat(stripped.inlineAnswers()).isFalse();
	}

	@Test
	void stripsGmailEnglishAttribution() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """

				On Thu, Dec 3, 2026 at 9:12 AM Samla <enkat+k3x9@samla.se> wrote:

				> Hello
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsAppleMailAttribution() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """

				> Den 3 dec. 2026 kl. 09:12 skrev Samla enkät <enkat+k3x9@samla.se>:
				>\s
				> Hej Anna!
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		Stripped unquoted = QuoteStripper.strip(ANSWERS + """

				3 dec. 2026 kl. 09:12 skrev Samla enkät <enkat+k3x9@samla.se>:

				> Hej Anna!
				""");
		assertThat(unquoted.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsOutlookForMacAttributionFollowedByUnquotedOriginal() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """

				Den 28/10/2021 12:46 skrev "Samla enkät" <enkat+k3x9@samla.se> följande:

				Hej Anna!
				1. Vad ser ni för mönster i resultatet?
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsIphoneSignature() {
		Stripped stripped = QuoteStripper.strip("Ja, det stämmer.\n\nSkickat från min iPhone\n\n> Hej");
		assertThat(stripped.reply()).isEqualTo("Ja, det stämmer.");
		assertThat(QuoteStripper.strip("Yes\n\nSent from my iPhone").reply()).isEqualTo("Yes");
	}

	@Test
	void stripsOutlookMobileSignature() {
		assertThat(QuoteStripper.strip("Ja\n\nHämta Outlook för iOS<https://aka.ms/o0ukef>").reply()).isEqualTo("Ja");
		assertThat(QuoteStripper.strip("Ja\n\nGet Outlook for Android").reply()).isEqualTo("Ja");
	}

	@Test
	void stripsDashDashSignature() {
		assertThat(QuoteStripper.strip(ANSWERS + "\n\n-- \nAnna Svensson\nEnhetschef").reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsSignOffWithMunicipalGdprFooter() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """


				Med vänlig hälsning
				Anna Svensson
				Enhetschef, Vård och omsorg
				Kumla kommun
				019-58 80 00

				När du skickar e-post till Kumla kommun behandlar vi dina personuppgifter enligt
				dataskyddsförordningen (GDPR). Läs mer på kumla.se/personuppgifter.
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsShortSignOffWithName() {
		assertThat(QuoteStripper.strip(ANSWERS + "\n\nMvh Anna").reply()).isEqualTo(ANSWERS);
		assertThat(QuoteStripper.strip(ANSWERS + "\n\nBest regards,\nAnna").reply()).isEqualTo(ANSWERS);
	}

	@Test
	void keepsSignOffWordsFollowedByNumberedAnswers() {
		String text = "Hälsningar\n1. Ja\n2. Nej";
		assertThat(QuoteStripper.strip(text).reply()).isEqualTo(text);
	}

	@Test
	void keepsInlineAnswersBetweenQuotedQuestions() {
		String text = """
				Hej, svar nedan.

				Den tors 3 dec. 2026 kl 09:12 skrev Samla <enkat+k3x9@samla.se>:
				> 1. Vad ser ni för mönster i resultatet?

				Brist på sjuksköterskor.

				> 2. Vilka kompetensförsörjningsaktiviteter gör ni idag?

				Språkombud.

				Mvh Anna
				""";
		Stripped stripped = QuoteStripper.strip(text);
		assertThat(stripped.inlineAnswers()).isTrue();
		assertThat(stripped.reply()).contains("> 1. Vad ser ni", "Brist på sjuksköterskor.", "Språkombud.")
			.doesNotContain("Mvh");
	}

	@Test
	void keepsAnswerStartingWithFromInNumberedLine() {
		String text = """
				1. Från: kommunens HR
				Till: alla enhetschefer
				Ämne: rekrytering
				2. Språkombud""";
		assertThat(QuoteStripper.strip(text).reply()).isEqualTo(text);
	}

	@Test
	void keepsWeWroteTheFollowingInAnAnswer() {
		String text = """
				1. Vi skrev följande till socialnämnden:
				Vi behöver fler sjuksköterskor.
				2. Den 3 mars 2026 skrev vi följande till nämnden:
				att vi behöver rusta chefer.""";
		assertThat(QuoteStripper.strip(text).reply()).isEqualTo(text);
	}

	@Test
	void keepsReplyWrittenBelowTheQuote() {
		Stripped stripped = QuoteStripper.strip("> 1. Vad ser ni?\n> 2. Vilka?\n\n1. Brist\n2. Språkombud");
		assertThat(stripped.reply()).isEqualTo("1. Brist\n2. Språkombud");
		assertThat(stripped.inlineAnswers()).isFalse();
	}

	@Test
	void stripsTheLongestTextQuickly() {
		String line = "Den 3 dec. 2026 skrev " + "a".repeat(200) + " <<<@@@ " + "b".repeat(200) + "\n> x\ny\n";
		String text = line.repeat(ReplyBody.MAX_CHARS / line.length());
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> QuoteStripper.strip(text));
	}

}
