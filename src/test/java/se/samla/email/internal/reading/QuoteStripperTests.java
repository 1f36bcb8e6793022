package se.samla.email.internal.reading;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	@ParameterizedTest
	@ValueSource(strings = { "Am 13.12.2017 21:11 schrieb \"Samla Enkät\" <enkat+k3x9@samla.se>:",
			"W dniu 2017-01-09 11:59:39 użytkownik Samla Enkät <enkat+k3x9@samla.se> napisał:",
			"pe 20. lokakuuta 2017 klo 17.50 Samla Enkät kirjoitti:",
			"tir. 18. apr. 2017 kl. 13:09 skrev Samla Enkät <enkat+k3x9@samla.se>:",
			"Em 10 de julho de 2017 às 16:32:35, Samla Enkät escreveu:",
			"Il giorno mar 12 dic 2017 alle ore 10:00 Samla Enkät <enkat+k3x9@samla.se> ha scritto:",
			"Le mar. 12 déc. 2017 à 10:00, Samla Enkät <enkat+k3x9@samla.se> a écrit :",
			"El mar., 12 dic. 2017 a las 10:00, Samla Enkät (<enkat+k3x9@samla.se>) escribió:",
			"Op di 12 dec. 2017 om 10:00 schreef Samla Enkät <enkat+k3x9@samla.se>:",
			"On Wed, 14 Nov 2018 08:14:43 -0200 John Doe <john@doe.com> wrote",
			"2017-12-12 10:00 GMT+01:00 Samla Enkät <enkat+k3x9@samla.se>:" })
	void stripsAttributionsInAnyLanguageAboveAnUnmarkedQuote(String attribution) {
		Stripped stripped = QuoteStripper.strip(ANSWERS + "\n\n" + attribution + "\n\nHej Anna!\nSvara gärna.\n");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		assertThat(stripped.quoted()).startsWith(attribution.substring(0, 10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Am 13.12.2017 21:11 schrieb Samla Enkät:", "Samla Enkät <enkat+k3x9@samla.se> wrote:",
			"2017/12/12 Samla Enkät:", "Kello 10.00 Samla Enkät kirjoitti:" })
	void stripsAttributionsByShapeAboveAMarkedQuote(String attribution) {
		Stripped stripped = QuoteStripper.strip(ANSWERS + "\n\n" + attribution + "\n> Hej Anna!\n> Svara gärna.\n");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		assertThat(stripped.inlineAnswers()).isFalse();
	}

	@Test
	void stripsAttributionWrappedOverThreeLines() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """


				Den tors 3 dec. 2026 kl 09:12 skrev Samla – Trygga kompetensen i
				Örebro län för kompetensförsörjning <
				enkat+k3x9@samla.se>:

				Hej Anna!
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Van: Samla <enkat+k3x9@samla.se>\nVerzonden: dinsdag 1 december 2026 09:14\nAan: Anna\n",
			"De : Samla <enkat+k3x9@samla.se>\nEnvoyé le : mardi 1 décembre 2026 09:14\nÀ : Anna\nObjet : Enquête\n",
			"Da: Samla <enkat+k3x9@samla.se>\nInviato: martedì 1 dicembre 2026 09:14\nA: Anna\nOggetto: Sondaggio\n",
			"Von: Samla <enkat+k3x9@samla.se>\nGesendet: Dienstag, 1. Dezember 2026 09:14\nAn: Anna\n",
			"*Från:* Samla <enkat+k3x9@samla.se>\n*Skickat:* den 1 december 2026 09:14\n*Till:* Anna\n",
			"Från: Samla\nSkickat: den 1 december 2026 09:14\nTill: Anna Berg\nKopia: Erik\nÄmne: Enkät\n",
			"Lähettäjä: Samla <enkat+k3x9@samla.se>\nLähetetty: tiistai 1. joulukuuta 2026 9.14\n",
			"Od: Samla <enkat+k3x9@samla.se>\nWysłane: wtorek, 1 grudnia 2026 09:14\nDo: Anna\n",
			"Fra: Samla <enkat+k3x9@samla.se>\nSendt: 1. desember 2026 09:14\nTil: Anna\nEmne: Enkät\n",
			"De: Samla <enkat+k3x9@samla.se>\nEnviado: martes, 1 de diciembre de 2026 9:14\nPara: Anna\n",
			"From: Samla <enkat+k3x9@samla.se> Sent: Tuesday, December 1, 2026 9:14 AM To: Anna Subject: Survey\n",
			"==== Message du : 01/12/2026 09:14 De : \"Samla\" <enkat+k3x9@samla.se>\nA : Anna\n" })
	void stripsHeaderBlocksInAnyLanguage(String header) {
		Stripped stripped = QuoteStripper.strip(ANSWERS + "\n\n" + header + "\nHej Anna!\nHär är frågorna.\n");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		assertThat(stripped.quoted()).contains("Här är frågorna.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-------- Message d'origine --------", "--- Mensaje original ---",
			"-----Oorspronkelijk bericht-----", "---------- Forwarded message ---------", "Begin forwarded message:",
			"Forwarded message:", "Vidarebefordrat meddelande:", "-------- Weitergeleitete Nachricht --------" })
	void cutsAtSeparatorsAndForwardingMarkers(String marker) {
		Stripped stripped = QuoteStripper.strip(ANSWERS + "\n\n" + marker + "\nFrom: Samla\nHej\n");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsAHeaderBlockWhoseSenderIsNotTheFirstField() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """


				Date: Tue, 1 Dec 2026 09:14:00 +0100
				Subject: Kartläggning steg 2
				From: Samla <enkat+k3x9@samla.se>
				To: anna@kumla.se

				Hej Anna!
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
	}

	@Test
	void stripsASenderAndSentFieldWithoutDigits() {
		assertThat(QuoteStripper.strip(ANSWERS + "\n\nFrån: Samla\nSkickat: igår\n\nHej Anna!").reply())
			.isEqualTo(ANSWERS);
	}

	@Test
	void keepsFieldsOfAnAnswerThatNameNoSender() {
		String text = "Från: 2027-01-01 gäller nya regler\nTill: 2027-12-31";
		assertThat(QuoteStripper.strip(text).reply()).isEqualTo(text);
	}

	@Test
	void keepsADatedLineEndingInAColonThatIntroducesOwnText() {
		String text = """
				Mötet den 15 januari 2027 kl. 10:00 med nämnden:
				Vi beslutade att satsa på språkombud.
				Planering: Kumla
				Datum: 2027-03-01
				Tid: 10:00""";
		assertThat(QuoteStripper.strip(text).reply()).isEqualTo(text);
	}

	@Test
	void keepsQuotedLinesInsideNewTextAsPartOfTheReply() {
		String text = """
				Jag håller med om det du skrev i förra veckan:

				> Vi behöver fler undersköterskor.

				Det gäller särskilt hemtjänsten.""";
		Stripped stripped = QuoteStripper.strip(text + """


				On Wed, 14 Nov 2018 08:14:43 -0200 John Doe <john@doe.com> wrote:
				> Hej
				> Svara gärna.
				""");
		assertThat(stripped.inlineAnswers()).isTrue();
		assertThat(stripped.reply()).isEqualTo(text);
		assertThat(stripped.quoted()).startsWith("On Wed, 14 Nov 2018").endsWith("> Svara gärna.");
	}

	@Test
	void aQuoteUnderAnAttributionBetweenGreetingAndReplyIsHistory() {
		Stripped stripped = QuoteStripper.strip("""
				Hi,

				On Tue, 2026-12-01 at 09:14 +0100, Samla wrote:
				> What is the best way to recruit nurses?

				Work with the region and share the cost of training.
				""");
		assertThat(stripped.reply()).isEqualTo("Hi,\n\nWork with the region and share the cost of training.");
		assertThat(stripped.inlineAnswers()).isFalse();
	}

	@Test
	void aQuoteBelowTheReplyIsHistoryEvenWithASignatureUnderIt() {
		Stripped stripped = QuoteStripper.strip(ANSWERS + """


				Den 3 dec. 2026 kl. 09:12 skrev Samla <enkat+k3x9@samla.se>:
				> Hej Anna!

				Skickat från min iPhone
				""");
		assertThat(stripped.reply()).isEqualTo(ANSWERS);
		assertThat(stripped.inlineAnswers()).isFalse();
	}

	@Test
	void stripsTheLongestTextQuickly() {
		String line = "Den 3 dec. 2026 skrev " + "a".repeat(200) + " <<<@@@ " + "b".repeat(200) + "\n> x\ny\n";
		String text = line.repeat(ReplyBody.MAX_CHARS / line.length());
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> QuoteStripper.strip(text));
	}

}
