package se.samla.email.internal.intake;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import se.samla.email.internal.intake.Classification.AutoReply;
import se.samla.email.internal.intake.Classification.Bounce;
import se.samla.email.internal.intake.Classification.Human;
import se.samla.email.internal.intake.Classification.ReadReceipt;
import se.samla.email.internal.intake.Classification.SystemMessage;

import static org.assertj.core.api.Assertions.assertThat;

class MailClassifierTests {

	private static final String TOKEN = "abcdefghijklmnop";

	private static final String REPLY = """
			From: Anna Berg <anna.berg@kumla.example.org>
			To: enkat+abcdefghijklmnop@samla.example.org
			Subject: SV: [Samla abcdefghijklmnop] Kartläggning steg 2
			Message-ID: <r1@kumla.example.org>
			%s
			1. Vi behöver fler sjuksköterskor.
			""";

	private static final String UTF8 = "Content-Type: text/plain; charset=utf-8\n";

	@Test
	void anOrdinaryReplyIsHuman() {
		assertThat(classify(reply(""))).isEqualTo(new Human());
	}

	@Test
	void autoResponseSuppressAloneIsNotAnAutoReply() {
		assertThat(classify(reply("X-Auto-Response-Suppress: All\n"))).isEqualTo(new Human());
	}

	@Test
	void autoSubmittedNoIsHuman() {
		assertThat(classify(reply("Auto-Submitted: no\n"))).isEqualTo(new Human());
	}

	@Test
	void autoSubmittedOtherThanNoIsAnAutoReply() {
		assertThat(classify(reply("Auto-Submitted: auto-replied\n")))
			.isEqualTo(new AutoReply("Auto-Submitted: auto-replied"));
		assertThat(classify(reply("Auto-Submitted: auto-generated; owner-email=x@y\n"))).isInstanceOf(AutoReply.class);
	}

	@Test
	void xAutoreplyAndXAutorespondAreAutoReplies() {
		assertThat(classify(reply("X-Autoreply: yes\n"))).isEqualTo(new AutoReply("X-Autoreply"));
		assertThat(classify(reply("X-Autorespond: Jag är borta\n"))).isEqualTo(new AutoReply("X-Autorespond"));
	}

	@Test
	void precedenceBulkJunkListAndAutoReplyAreAutoReplies() {
		for (String precedence : new String[] { "bulk", "junk", "list", "auto_reply", "Bulk" }) {
			assertThat(classify(reply("Precedence: " + precedence + "\n"))).as(precedence)
				.isInstanceOf(AutoReply.class);
		}
		assertThat(classify(reply("Precedence: first-class\n"))).isEqualTo(new Human());
	}

	@Test
	void outOfOfficeSubjectsWithoutHeadersAreAutoReplies() {
		for (String subject : new String[] { "Automatiskt svar: Kartläggning", "Autosvar: Kartläggning",
				"Frånvaro: Kartläggning", "Frånvarande till 4 januari", "Automatic reply: Survey", "Auto-Reply: Survey",
				"Out of Office: Survey", "RE: I am out of the office" }) {
			assertThat(classify(withSubject(subject))).as(subject).isInstanceOf(AutoReply.class);
		}
	}

	@Test
	void anOrdinarySubjectMentioningAbsenceInPassingIsHuman() {
		assertThat(classify(withSubject("SV: Kartläggning – svar före min frånvaro"))).isEqualTo(new Human());
	}

	@Test
	void anEmptyFromIsASystemMessage() {
		assertThat(classify(Mails.parse("""
				From:
				To: samla@samla.example.org
				Subject: Skannat dokument

				Bifogas.
				"""))).isEqualTo(new SystemMessage("no From"));
	}

	@Test
	void aMissingOrUnparseableFromIsASystemMessage() {
		assertThat(classify(Mails.parse("To: samla@samla.example.org\nSubject: x\n\ny\n")))
			.isInstanceOf(SystemMessage.class);
		assertThat(classify(Mails.parse("From: Skrivaren\nTo: samla@samla.example.org\nSubject: x\n\ny\n")))
			.isInstanceOf(SystemMessage.class);
		assertThat(classify(Mails.parse("From: <a@@b>\nTo: samla@samla.example.org\nSubject: x\n\ny\n")))
			.isInstanceOf(SystemMessage.class);
	}

	@Test
	void anythingAddressedToTheBounceAddressIsABounceWithItsToken() {
		MimeMessage message = Mails.parse("""
				From: Postmaster <postmaster@kumla.example.org>
				To: bounce+ABCDEFGHIJKLMNOP@Samla.Example.Org
				Subject: Meddelande

				Kunde inte leverera: 550 5.7.1 rejected by policy
				""");
		assertThat(classify(message)).isEqualTo(new Bounce(true, List.of(), "5.7.1", TOKEN, null));
	}

	@Test
	void anAutoResponderAnsweringTheBounceAddressStaysAnAutoReply() {
		MimeMessage message = Mails.parse("""
				From: Anna Berg <anna.berg@kumla.example.org>
				To: bounce+abcdefghijklmnop@samla.example.org
				Auto-Submitted: auto-replied
				Subject: Frånvaro

				Jag är borta.
				""");
		assertThat(classify(message)).isInstanceOf(AutoReply.class);
	}

	@Test
	void aDeliveryReportWithFailedAnd5xxIsAHardBounce() {
		Classification classification = classify(report("bounce+abcdefghijklmnop@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: failed
				Status: 5.1.1
				""", "Message-ID: <inv.1@samla.example.org>\nReply-To: enkat+abcdefghijklmnop@samla.example.org\n"));
		assertThat(classification).isEqualTo(
				new Bounce(true, List.of("anna.berg@kumla.example.org"), "5.1.1", TOKEN, "<inv.1@samla.example.org>"));
	}

	@Test
	void aDelayedOr4xxRecipientIsASoftBounce() {
		Classification delayed = classify(report("samla@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: delayed
				Status: 4.4.7
				""", ""));
		assertThat(delayed).isEqualTo(new Bounce(false, List.of("anna.berg@kumla.example.org"), "4.4.7", null, null));
		Classification failed4xx = classify(report("samla@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: failed
				Status: 4.2.2
				""", ""));
		assertThat(failed4xx).isInstanceOf(Bounce.class).extracting((c) -> ((Bounce) c).permanent()).isEqualTo(false);
	}

	@Test
	void takesTheTokenFromTheReturnedHeadersWhenTheReportWasNotSentToTheBounceAddress() {
		Classification classification = classify(report("samla@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: failed
				Status: 5.2.1
				""",
				"Return-Path: <bounce+abcdefghijklmnop@samla.example.org>\nMessage-ID: <inv.2@samla.example.org>\n"));
		assertThat(classification).isEqualTo(
				new Bounce(true, List.of("anna.berg@kumla.example.org"), "5.2.1", TOKEN, "<inv.2@samla.example.org>"));
	}

	@Test
	void oneHardRecipientMakesTheWholeReportHard() {
		Classification classification = classify(report("samla@samla.example.org", """
				Final-Recipient: rfc822; a@kumla.example.org
				Action: delayed
				Status: 4.4.1

				Final-Recipient: rfc822; b@kumla.example.org
				Action: failed
				Status: 5.1.1
				""", ""));
		assertThat(classification)
			.isEqualTo(new Bounce(true, List.of("a@kumla.example.org", "b@kumla.example.org"), "5.1.1", null, null));
	}

	@Test
	void aSuccessfulDeliveryReportIsASystemMessage() {
		assertThat(classify(report("samla@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: delivered
				Status: 2.0.0
				""", ""))).isInstanceOf(SystemMessage.class);
	}

	@Test
	void aDispositionNotificationIsAReadReceipt() {
		MimeMessage message = Mails.parse("""
				From: Anna Berg <anna.berg@kumla.example.org>
				To: samla@samla.example.org
				Subject: Läst: Kartläggning
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

				--b
				Content-Type: text/plain

				Ditt meddelande lästes.
				--b
				Content-Type: message/disposition-notification

				Final-Recipient: rfc822;anna.berg@kumla.example.org
				Disposition: manual-action/MDN-sent-manually; displayed

				--b--
				""");
		assertThat(classify(message)).isEqualTo(new ReadReceipt());
	}

	@Test
	void mailFromMailerDaemonOrPostmasterIsABounce() {
		MimeMessage daemon = Mails.parse("""
				From: Mail Delivery System <MAILER-DAEMON@mx.kumla.example.org>
				To: samla@samla.example.org
				Subject: Meddelande

				Remote server said: 452 4.2.2 mailbox full
				Reply-To: enkat+abcdefghijklmnop@samla.example.org
				Message-ID: <inv.3@samla.example.org>
				""");
		assertThat(classify(daemon))
			.isEqualTo(new Bounce(false, List.of(), "4.2.2", TOKEN, "<inv.3@samla.example.org>"));
		MimeMessage postmaster = Mails.parse("""
				From: postmaster@kumla.example.org
				To: samla@samla.example.org
				Subject: Meddelande

				Något gick fel.
				""");
		assertThat(classify(postmaster)).isEqualTo(new Bounce(false, List.of(), null, null, null));
	}

	@Test
	void bounceSubjectsMakeABounceEvenFromAnOrdinaryAddress() {
		for (String subject : new String[] { "Olevererbart: Kartläggning", "Undeliverable: Survey",
				"Returned mail: see transcript for details", "Delivery Status Notification (Failure)" }) {
			MimeMessage message = Mails
				.parse("From: Kumla <it@kumla.example.org>\nTo: samla@samla.example.org\nSubject: " + subject
						+ "\n\n550 5.1.1 user unknown\nX-Failed: x\n");
			assertThat(classify(message)).as(subject)
				.isInstanceOf(Bounce.class)
				.extracting((c) -> ((Bounce) c).permanent())
				.isEqualTo(true);
		}
	}

	@Test
	void xFailedRecipientsNameTheFailedAddresses() {
		MimeMessage message = Mails.parse("""
				From: Mail Delivery System <Mailer-Daemon@mx.example.org>
				To: samla@samla.example.org
				X-Failed-Recipients: anna.berg@kumla.example.org
				Subject: Mail delivery failed: returning message to sender

				550 5.1.1 No such user
				""");
		assertThat(((Bounce) classify(message)).failedRecipients()).containsExactly("anna.berg@kumla.example.org");
	}

	@Test
	void anEmptyReturnPathIsABounce() {
		MimeMessage message = Mails.parse("""
				Return-Path: <>
				From: Gateway <gw@kumla.example.org>
				To: samla@samla.example.org
				Subject: Meddelande

				Leverans misslyckades.
				""");
		assertThat(classify(message)).isInstanceOf(Bounce.class);
	}

	@Test
	void anEmptyReturnPathWithAutoReplyMarkersIsAnAutoReplyNotABounce() {
		MimeMessage message = Mails.parse("""
				Return-Path: <>
				From: Anna Berg <anna.berg@kumla.example.org>
				To: enkat+abcdefghijklmnop@samla.example.org
				Auto-Submitted: auto-replied
				Subject: Borta

				Jag är borta.
				""");
		assertThat(classify(message)).isEqualTo(new AutoReply("Auto-Submitted: auto-replied"));
	}

	@Test
	void reportsTakePrecedenceOverAutoReplyHeaders() {
		MimeMessage message = report("bounce+abcdefghijklmnop@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: failed
				Status: 5.1.1
				""", "");
		assertThat(classify(message)).isInstanceOf(Bounce.class);
	}

	@Test
	void aTextBounceWithoutAnyCodeIsPermanentWhenItSaysTheAddressTakesNoMail() {
		for (String reason : new String[] { "<anna.berg@kumla.example.org>: user unknown", "No such user here",
				"Requested action not taken: mailbox unavailable", "The e-mail account does not exist",
				"Recipient address rejected", "unknown recipient", "Invalid recipient <anna.berg@kumla.example.org>",
				"The account has been disabled", "Mailbox not found", "Address not found", "Unrouteable address",
				"Host or domain name not found", "User anna not listed in Domino Directory",
				"Mottagarens e-postadress finns inte.", "Okänd mottagare", "Der Empfänger ist unbekannt.",
				"Destinataire inconnu", "L'adresse e-mail est introuvable." }) {
			assertThat(textBounce("Undeliverable: Kartläggning", reason)).as(reason)
				.extracting(Bounce::permanent)
				.isEqualTo(true);
		}
	}

	@Test
	void aBareSmtpReplyCodeDecidesWithoutAnEnhancedCode() {
		assertThat(textBounce("failure notice", "Remote host said: 554 delivery error: dd not available"))
			.isEqualTo(new Bounce(true, List.of(), null, TOKEN, null));
		assertThat(textBounce("failure notice", "Remote host said: 452 too many connections"))
			.isEqualTo(new Bounce(false, List.of(), null, TOKEN, null));
	}

	@Test
	void aDelayNoticeIsTemporaryEvenWhenItSaysWhatHappensIfDeliveryFailsPermanently() {
		for (String notice : new String[] {
				"There was a temporary problem delivering your message. Gmail will retry for 45 more hours. "
						+ "You'll be notified if the delivery fails permanently.",
				"THIS IS A WARNING MESSAGE ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE.",
				"Delivery is delayed to these recipients or groups: anna.berg@kumla.example.org",
				"A message that you sent has not yet been delivered to one or more of its recipients.",
				"Leveransen har fördröjts. Servern kommer att försöka igen." }) {
			assertThat(textBounce("Meddelande", notice)).as(notice).extracting(Bounce::permanent).isEqualTo(false);
		}
	}

	@Test
	void aFinalFailureThatMentionsA4xxCodeElsewhereIsPermanent() {
		Bounce bounce = textBounce("Undelivered Mail Returned to Sender", """
				Your message could not be delivered. The recipient's account has been disabled.

				Delivery history:
				  09:14 deferred: 421 4.7.0 Try again later (greylisted)
				""");
		assertThat(bounce.permanent()).isTrue();
	}

	@Test
	void aFailureWhoseOwnCodeIs4xxIsTemporaryWhateverElseItSays() {
		Bounce bounce = textBounce("Undelivered Mail Returned to Sender", """
				Your message could not be delivered and the mail system gave up.

				<anna.berg@kumla.example.org>: host mx said: 450 4.1.8 <anna.berg@kumla.example.org>:
				    Recipient address rejected: Domain not found
				""");
		assertThat(bounce).isEqualTo(new Bounce(false, List.of(), "4.1.8", TOKEN, null));
	}

	@Test
	void versionNumbersInTheReturnedMessageAreNotStatusCodes() {
		Bounce bounce = textBounce("Mail delivery failed: returning message to sender", """
				This message was created automatically by mail delivery software.

				  anna.berg@kumla.example.org
				    retry timeout exceeded

				------ This is a copy of the message, including all the headers. ------

				Received: from samla.example.org by mx.kumla.example.org with esmtps (Exim 4.96.2)
				Message-ID: <inv.9@samla.example.org>
				""");
		assertThat(bounce).isEqualTo(new Bounce(true, List.of(), null, TOKEN, "<inv.9@samla.example.org>"));
	}

	@Test
	void aReportWithoutStatusReadsTheReplyCodeOfItsDiagnostic() {
		assertThat(classify(report("bounce+abcdefghijklmnop@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: failed
				Diagnostic-Code: smtp; 550 Requested action not taken: mailbox unavailable
				""", ""))).extracting((c) -> ((Bounce) c).permanent()).isEqualTo(true);
		assertThat(classify(report("bounce+abcdefghijklmnop@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Action: failed
				Diagnostic-Code: smtp; 452 Too many recipients received this hour
				""", ""))).extracting((c) -> ((Bounce) c).permanent()).isEqualTo(false);
	}

	@Test
	void aReportRecipientWithoutActionIsJudgedByItsStatus() {
		assertThat(classify(report("bounce+abcdefghijklmnop@samla.example.org", """
				Final-Recipient: rfc822; anna.berg@kumla.example.org
				Status: 5.1.1
				""", ""))).isEqualTo(new Bounce(true, List.of("anna.berg@kumla.example.org"), "5.1.1", TOKEN, null));
	}

	@Test
	void aDeliveryReportWithoutReadableRecipientsIsReadByItsWords() {
		assertThat(classify(report("bounce+abcdefghijklmnop@samla.example.org", "", "")))
			.isEqualTo(new Bounce(true, List.of(), null, TOKEN, null));
	}

	@Test
	void anAbsenceNoticeWithoutHeadersIsAnAutoReplyByItsWords() {
		for (String notice : new String[] {
				"Hej!\n\nJag är på semester till och med den 4 januari och läser inte min e-post.\n"
						+ "Vid brådskande ärenden, kontakta HR på 0582-123 00.\n\nMed vänlig hälsning\nErik Lund",
				"Jag är föräldraledig t.o.m. 2027-03-31. Kontakta Eva Ek, tf. enhetschef.",
				"Jag är tjänstledig och åter den 11 januari.", "Är ledig. Åter v. 2.",
				"Jag är frånvarande och har begränsad tillgång till e-post.",
				"Hi,\n\nI will be taking vacation from Friday 9 July through 31 July.\nThanks,\nMaria",
				"I am out of the office until Monday 4 January with limited access to email.",
				"I'm currently on annual leave and will be back in the office on the 7th of January.",
				"Away until 15 January. Please contact hr@lekeberg.example.org for urgent matters." }) {
			assertThat(
					classify(Mails.parse(REPLY.formatted(UTF8).replace("1. Vi behöver fler sjuksköterskor.", notice))))
				.as(notice)
				.isEqualTo(new AutoReply(MailClassifier.ABSENCE_BY_CONTENT));
		}
	}

	@Test
	void anAnswerThatMentionsHolidaysOrLeaveIsHuman() {
		for (String answer : new String[] { "Vi planerar semesterperioden med vikarier.",
				"Många medarbetare är föräldralediga och det är svårt att få vikarier till hösten.",
				"Semester till och med augusti gör bemanningen svår.",
				"Jag kom tillbaka från semestern i måndag. Vi saknar framför allt sjuksköterskor och erfarna "
						+ "undersköterskor inom hemtjänsten och behöver fler som kan arbeta natt.",
				"We are planning the summer vacation period with temporary staff.",
				"1. Jag är på semester till 7 januari men svarar ändå: sjuksköterskor.\n2. Introduktion.\n3. Ja." }) {
			assertThat(
					classify(Mails.parse(REPLY.formatted(UTF8).replace("1. Vi behöver fler sjuksköterskor.", answer))))
				.as(answer)
				.isEqualTo(new Human());
		}
	}

	private static Bounce textBounce(String subject, String text) {
		return (Bounce) classify(Mails.parse("From: Mail Delivery System <MAILER-DAEMON@mx.kumla.example.org>\n"
				+ "To: bounce+abcdefghijklmnop@samla.example.org\nSubject: " + subject + "\n\n" + text));
	}

	private static Classification classify(MimeMessage message) {
		return MailClassifier.classify(message, Mails.ADDRESSES);
	}

	private static MimeMessage reply(String extraHeaders) {
		return Mails.parse(REPLY.formatted(extraHeaders));
	}

	private static MimeMessage withSubject(String subject) {
		return Mails.parse(REPLY.formatted("").replace("SV: [Samla abcdefghijklmnop] Kartläggning steg 2", subject));
	}

	private static MimeMessage report(String to, String recipients, String returnedHeaders) {
		return Mails.parse("""
				From: Mail Delivery System <MAILER-DAEMON@mx.samla.example.org>
				To: %s
				Auto-Submitted: auto-replied
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b"

				--b
				Content-Type: text/plain

				Your message could not be delivered.
				--b
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.samla.example.org

				%s
				--b
				Content-Type: text/rfc822-headers

				From: samla@samla.example.org
				%s
				--b--
				""".formatted(to, recipients, returnedHeaders));
	}

}
