package se.samla.email.internal.reading;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures never reach an answer, in any of the forms people and their mail clients
 * write them, and answer text that only resembles a signature stays.
 */
class SignaturesTests {

	private static final String ANSWER = "Vi ser brist på sjuksköterskor och behöver rekrytera mer strategiskt.";

	private static final Signer MATS = new Signer(List.of("Mats Öberg"), "Socialchef", "Degerfors");

	private static String reply(String text) {
		return QuoteStripper.strip(text).reply();
	}

	private static String reply(String text, Signer signer) {
		return QuoteStripper.strip(text, signer).reply();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mvh", "MVH /Anna", "Mvh Anna", "Mvh//Anna", "Hälsningar", "Vänliga hälsningar",
			"Med vänlig hälsning", "Med vänliga hälsningar,", "Hälsn. Anna", "Bästa hälsningar från Kumla", "/Mats",
			"//Anna", "/ Anna Berg", "Best regards", "Best regards,\nJohn Doe", "Kind regards,", "Regards", "Cheers",
			"Cheers,\nJohn", "Thanks,\nJohn", "Thanks, John", "Tack!\nAnna", "Tack! /Anna", "Tack och hälsningar", "BR",
			"BR,\nJohn", "Best,\nJohn", "Mit freundlichen Grüßen\nHans Müller", "Cordialement,\nMarie" })
	void cutsASignOffAloneOrWithAName(String signOff) {
		assertThat(reply(ANSWER + "\n\n" + signOff)).isEqualTo(ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mats", "Mats Öberg", "mats", "MÖ" })
	void cutsTheWritersBareNameInAParagraphOfItsOwnUnderNumberedAnswers(String name) {
		String answers = "1. Brist på sjuksköterskor.\n2. Språkombud och mentorskap.";
		assertThat(reply(answers + "\n\n" + name, MATS)).isEqualTo(answers);
	}

	@Test
	void keepsANameRightUnderAListItemAsPartOfTheList() {
		String answers = "2. Vi har pratat med:\n- Anna Berg\n- Mats";
		assertThat(reply(answers, MATS)).isEqualTo(answers);
	}

	@Test
	void cutsASignOffWithTheNameTitleAndOrganisationBelowIt() {
		assertThat(reply(ANSWER + """


				Vänliga hälsningar

				Anna Berg
				Enhetschef, Hemtjänst Norr
				Vård- och omsorgsförvaltningen | Kumla kommun
				Besöksadress: Stortorget 1, 692 80 Kumla
				Tel: 019-58 80 00 | Mobil: 070-123 45 67
				anna.berg@kumla.se | www.kumla.se
				[cid:image001.png@01DB4A2C.5F3E1A20]
				""")).isEqualTo(ANSWER);
	}

	@Test
	void cutsASlashNameWithTheNameAndTitleBelowIt() {
		String text = "1. Brist på sjuksköterskor.\n2. Språkombud och mentorskap.\n\n/Mats\nMats Öberg\nSocialchef";
		assertThat(reply(text)).isEqualTo("1. Brist på sjuksköterskor.\n2. Språkombud och mentorskap.");
		assertThat(reply(text, MATS)).isEqualTo("1. Brist på sjuksköterskor.\n2. Språkombud och mentorskap.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--\nAnna Berg\nEnhetschef", "-- \nAnna Berg", "—\nAnna Berg\nHR-chef, Nora kommun",
			"–\nJohn Doe\nHead of HR", "-Mats\nMats Öberg\nSocialchef", "- Mats", "— Anna Berg", "--Anna\nKumla kommun",
			"___\nAnna Berg\nAnna.Berg@kumla.se" })
	void cutsSeparatorsAndDashNamesWithTheNameAndTitleUnderThem(String signature) {
		assertThat(reply(ANSWER + "\n\n" + signature)).isEqualTo(ANSWER);
	}

	@Test
	void cutsANameTitleAndPhoneBlockWithoutASignOff() {
		assertThat(reply(ANSWER + "\n\nAnna Berg\nEnhetschef\nKumla kommun\n019-58 80 00")).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + "\n\nJohn Doe\nDirector of Operations | Example Ltd\n+44 20 7946 0000"))
			.isEqualTo(ANSWER);
	}

	@Test
	void cutsTheWritersOwnNameRoleAndOrganisationFromTheDirectory() {
		assertThat(reply(ANSWER + "\nMats", MATS)).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + "\n\nMats Öberg\nSocialchef Degerfors kommun", MATS)).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + "\n\nSocialchef\nDegerfors kommun", MATS)).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + "\nMÖ", MATS)).isEqualTo(ANSWER);
	}

	@Test
	void takesTheWritersNameFromTheFromHeaderToo() throws Exception {
		jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
				jakarta.mail.Session.getInstance(new java.util.Properties()));
		message.setFrom(new jakarta.mail.internet.InternetAddress("sara.holm@nora.example.org", "Sara Holm", "UTF-8"));
		Signer signer = Signer.of(message, null, null, null);
		assertThat(reply(ANSWER + "\nSara", signer)).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + "\n\nSara Holm", signer)).isEqualTo(ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Skickat från min iPhone", "Sent from my iPhone", "Sent from TypeApp",
			"Sent from Yahoo Mail for Android", "Skickat från Samsung Galaxy-smartphone.", "Hämta Outlook för iOS",
			"Hämta Outlook för iOS<https://aka.ms/o0ukef>", "Get Outlook for Android", "Von meinem iPhone gesendet",
			"Envoyé de mon iPhone", "Enviado desde mi iPhone", "Verzonden vanaf mijn iPhone", "Sendt fra min iPhone",
			"Sent from Mail for Windows", "Skickat från Mail för Windows", "Sent with ProtonMail Secure Email",
			"Sent via the Samsung Galaxy S23, an AT&T 5G smartphone", "Lähetetty iPhonesta" })
	void cutsEverySentFromLine(String sentFrom) {
		assertThat(reply(ANSWER + "\n\n" + sentFrom)).isEqualTo(ANSWER);
	}

	@Test
	void cutsConfidentialityAndGdprFootersInSwedishAndEnglish() {
		assertThat(reply(ANSWER + """


				Detta e-postmeddelande kan innehålla konfidentiell information. Om du har fått det här
				meddelandet av misstag, meddela avsändaren och radera det.
				""")).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + """


				This email and any attachments are confidential and intended solely for the addressee.
				If you have received this email in error, please notify the sender and delete it.
				""")).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + """


				När du skickar e-post till Örebro kommun behandlar vi dina personuppgifter enligt
				dataskyddsförordningen (GDPR). Läs mer på orebro.se/personuppgifter.
				""")).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + "\n\nTänk på miljön innan du skriver ut det här mejlet.")).isEqualTo(ANSWER);
		assertThat(reply(ANSWER + """


				Anna Berg
				Enhetschef

				*********************DISCLAIMER*********************
				* Note: this message reflects the sender's opinion *
				*********************DISCLAIMER*********************
				""")).isEqualTo(ANSWER);
	}

	@Test
	void cutsMailingListFooters() {
		assertThat(reply(ANSWER + """

				_______________________________________________
				kompetens mailing list
				kompetens@lists.example.org
				https://lists.example.org/mailman/listinfo/kompetens
				""")).isEqualTo(ANSWER);
		assertThat(reply(
				ANSWER + """


						--
						You received this message because you are subscribed to the Google Groups "Kompetens" group.
						To unsubscribe from this group and stop receiving emails from it, send an email to kompetens+unsubscribe@googlegroups.com.
						"""))
			.isEqualTo(ANSWER);
		assertThat(reply(ANSWER + "\n\nAvregistrera dig från listan: https://lists.example.org/unsubscribe"))
			.isEqualTo(ANSWER);
	}

	@Test
	void cutsASignOffWrittenAtTheEndOfTheLastSentence() {
		assertThat(reply("Ja, det stämmer. Mvh Anna")).isEqualTo("Ja, det stämmer.");
		assertThat(reply("Ja, det stämmer /Mats", MATS)).isEqualTo("Ja, det stämmer");
		assertThat(reply("Det stämmer. /Mats")).isEqualTo("Det stämmer.");
		assertThat(reply("Inget att tillägga. Mvh /Mats")).isEqualTo("Inget att tillägga.");
		assertThat(reply("5. Tack! /Mats")).isEqualTo("5. Tack!");
	}

	@Test
	void keepsAnAnswerThatMentionsARole() {
		assertThat(reply("Vi saknar socialsekreterare")).isEqualTo("Vi saknar socialsekreterare");
		assertThat(reply("Vi har brist.\n\nVi saknar socialsekreterare", MATS))
			.isEqualTo("Vi har brist.\n\nVi saknar socialsekreterare");
		assertThat(reply("Vi saknar socialsekreterare\nEnhetschef\nSjuksköterska"))
			.isEqualTo("Vi saknar socialsekreterare\nEnhetschef\nSjuksköterska");
	}

	@Test
	void keepsAPhoneNumberInsideASentence() {
		String text = "Ring vår rekryteringsenhet på 019-58 80 00 om ni vill veta mer.";
		assertThat(reply(text)).isEqualTo(text);
		assertThat(reply("Vi har en gemensam bemanningspool.\n\nRing 019-58 80 00 för mer information."))
			.isEqualTo("Vi har en gemensam bemanningspool.\n\nRing 019-58 80 00 för mer information.");
	}

	@Test
	void keepsListsAndShortAnswersThatLookLikeNames() {
		assertThat(reply("Vi gör följande:\n- Språkombud\n- Mentorskap"))
			.isEqualTo("Vi gör följande:\n- Språkombud\n- Mentorskap");
		assertThat(reply("Vi samverkar med:\n\nKarlskoga Energi\nRegion Örebro län"))
			.isEqualTo("Vi samverkar med:\n\nKarlskoga Energi\nRegion Örebro län");
		assertThat(reply("Vi vill ha en gemensam HR-funktion.\n\nKarlskoga Energi\nRegion Örebro län"))
			.isEqualTo("Vi vill ha en gemensam HR-funktion.\n\nKarlskoga Energi\nRegion Örebro län");
		assertThat(reply("Region Örebro län")).isEqualTo("Region Örebro län");
		assertThat(reply("Mvh-kurser för chefer")).isEqualTo("Mvh-kurser för chefer");
		assertThat(reply("Vi har svårt att rekrytera inom hemtjänst /Hemsjukvård"))
			.isEqualTo("Vi har svårt att rekrytera inom hemtjänst /Hemsjukvård");
		assertThat(reply("Tack!")).isEqualTo("Tack!");
		assertThat(reply(ANSWER + "\n\nTack för ett bra arbete!")).isEqualTo(ANSWER + "\n\nTack för ett bra arbete!");
	}

	@Test
	void keepsTextBelowASignOffThatIsNotASignature() {
		String text = "1. Ja\n\nHälsningar\n2. Nej";
		assertThat(reply(text)).isEqualTo(text);
		String postscript = ANSWER + "\n\nMvh Anna\n\nPS. Vi vill gärna vara med i arbetsgruppen.";
		assertThat(reply(postscript)).isEqualTo(postscript);
	}

	@Test
	void keepsASentenceThatStartsLikeSentFrom() {
		String text = "Skickat från vår HR-avdelning till alla chefer: rekryteringsplanen.";
		assertThat(reply(text)).isEqualTo(text);
		assertThat(reply("Sent from the board: we need more staff."))
			.isEqualTo("Sent from the board: we need more staff.");
		String desk = "Here it is.\n\nSent from my desk, which is much easier than my mobile phone.";
		assertThat(reply(desk)).isEqualTo(desk);
	}

	@Test
	void keepsAnAnswerAboutDataProtectionThatIsNoFooter() {
		String text = ANSWER + "\n\nVi behöver utbildning i GDPR för alla chefer.";
		assertThat(reply(text)).isEqualTo(text);
	}

	@Test
	void cutsTheSignatureOfEachAnswerWrittenInline() {
		String text = """
				> 1. Vad ser ni för mönster i resultatet?

				Brist på sjuksköterskor.

				> 2. Vilka kompetensförsörjningsaktiviteter gör ni idag?

				Språkombud.

				/Mats
				Mats Öberg
				Socialchef

				> 3. Vilka ytterligare kompetensförsörjningsaktiviteter skulle vara relevanta?
				""";
		QuoteStripper.Stripped stripped = QuoteStripper.strip(text, MATS);
		assertThat(stripped.inlineAnswers()).isTrue();
		assertThat(stripped.reply()).contains("Brist på sjuksköterskor.", "Språkombud.", "> 3. Vilka")
			.doesNotContain("Mats", "Socialchef");
	}

	@Test
	void leavesNothingOfAReplyThatIsOnlyASignature() {
		assertThat(reply("Skickat från min iPhone")).isEmpty();
		assertThat(reply("Mvh\nAnna Berg\nEnhetschef")).isEmpty();
	}

}
