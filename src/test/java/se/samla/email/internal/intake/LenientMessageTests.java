package se.samla.email.internal.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import se.samla.email.internal.reading.ReplyBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Broken MIME as real mailers send it is still read: the text the person wrote comes out
 * and the headers intake links the email by are kept.
 */
class LenientMessageTests {

	private static final String HEADERS = """
			From: Anna Berg <anna.berg@kumla.example.org>
			To: enkat+qfaokftsvfja2v4y@samla.example.org
			Subject: SV: Kartläggning
			Message-ID: <broken-1@kumla.example.org>
			Date: Tue, 1 Dec 2026 09:12:00 +0100
			MIME-Version: 1.0
			""";

	@Test
	void readsAMultipartWhoseBoundaryNeverOccurs() throws Exception {
		MimeMessage message = parse(HEADERS + """
				Content-Type: multipart/alternative; boundary="----=_Part_1_expected"

				------=_Part_1_written
				Content-Type: text/plain; charset=utf-8

				1. Vi behöver fler sjuksköterskor.
				------=_Part_1_written--
				""");

		assertThat(text(message)).contains("1. Vi behöver fler sjuksköterskor.");
		assertThat(message.getMessageID()).isEqualTo("<broken-1@kumla.example.org>");
		assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("anna.berg@kumla.example.org");
	}

	@Test
	void readsAMultipartWithoutABoundaryParameter() throws Exception {
		MimeMessage message = parse(HEADERS + """
				Content-Type: multipart/mixed

				1. Språkombud på alla boenden.
				""");

		assertThat(text(message)).contains("1. Språkombud på alla boenden.");
	}

	@Test
	void readsAMultipartWhoseLastBoundaryNeverEnds() throws Exception {
		MimeMessage message = parse(HEADERS + """
				Content-Type: multipart/mixed; boundary="b1"

				--b1
				Content-Type: text/plain; charset=utf-8

				1. Validering av undersköterskor.
				""");

		assertThat(text(message)).contains("1. Validering av undersköterskor.");
	}

	@Test
	void readsAContentTypeWithDoubleSemicolons() throws Exception {
		MimeMessage message = parse(HEADERS + """
				Content-Type: multipart/alternative;; boundary="dbl"

				--dbl
				Content-Type: text/plain;; charset="utf-8"

				1. Attrahera tillsammans.
				--dbl--
				""");

		assertThat(text(message)).contains("1. Attrahera tillsammans.");
	}

	@Test
	void readsABoundaryLongerThanTheStandardAllows() throws Exception {
		String boundary = "=_" + "x".repeat(180);
		MimeMessage message = parse(HEADERS + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--"
				+ boundary + "\nContent-Type: text/plain; charset=utf-8\n\n1. Mentorskap.\n--" + boundary + "--\n");

		assertThat(text(message)).contains("1. Mentorskap.");
	}

	@Test
	void readsBase64ThatDoesNotDecodeCleanly() throws Exception {
		String encoded = java.util.Base64.getMimeEncoder()
			.encodeToString("1. Vi ser brist på chefer.".getBytes(StandardCharsets.UTF_8));
		MimeMessage message = parse(HEADERS + """
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: base64

				""" + encoded + "!!*\n");

		assertThat(text(message)).contains("1. Vi ser brist på chefer.");
	}

	@Test
	void readsRawLatin1HeadersAsLatin1AndRawUtf8HeadersAsUtf8() throws Exception {
		byte[] latin1 = ("From: =?utf-8?q?x?= <asa.oberg@example.org>\r\nSubject: SV: Kartläggning för Örebro\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n1. Svar\r\n")
			.getBytes(Charset.forName("windows-1252"));
		byte[] utf8 = ("From: Åsa Öberg <asa.oberg@example.org>\r\nSubject: SV: Kartläggning för Örebro\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n1. Svar\r\n")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(LenientMessage.parse(latin1).getSubject()).isEqualTo("SV: Kartläggning för Örebro");
		assertThat(LenientMessage.parse(utf8).getSubject()).isEqualTo("SV: Kartläggning för Örebro");
		assertThat(((InternetAddress) LenientMessage.parse(utf8).getFrom()[0]).getPersonal()).isEqualTo("Åsa Öberg");
	}

	@Test
	void readsANestedMessageSentInBase64() throws Exception {
		String inner = """
				From: Anna Berg <anna.berg@kumla.example.org>
				Subject: Svar
				Content-Type: text/plain; charset=utf-8

				1. Det inre svaret.
				""";
		String encoded = java.util.Base64.getMimeEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8));
		MimeMessage message = parse(HEADERS + """
				Content-Type: multipart/mixed; boundary="outer"

				--outer
				Content-Type: message/rfc822
				Content-Transfer-Encoding: base64

				""" + encoded + """

				--outer--
				""");

		assertThat(text(message)).contains("1. Det inre svaret.");
	}

	@Test
	void keepsTheParametersOfARebuiltStructure() throws Exception {
		MimeMessage message = parse(HEADERS + """
				Content-Type: multipart/report;; report-type=delivery-status; boundary="r"

				--r
				Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes

				Ditt meddelande kunde inte levereras.
				--r--
				""");

		assertThat(new jakarta.mail.internet.ContentType(message.getContentType()).getParameter("report-type"))
			.isEqualTo("delivery-status");
		jakarta.mail.Part text = new jakarta.mail.internet.MimeMultipart(message.getDataHandler().getDataSource())
			.getBodyPart(0);
		assertThat(new jakarta.mail.internet.ContentType(text.getContentType()).getParameter("format"))
			.isEqualTo("flowed");
	}

	@Test
	void keepsAWellFormedMessageAsItWas() throws Exception {
		byte[] raw = (HEADERS + "Content-Type: text/plain; charset=utf-8\n\n1. Ja.\n").replace("\n", "\r\n")
			.getBytes(StandardCharsets.UTF_8);

		MimeMessage message = LenientMessage.parse(raw);

		assertThat(message.getHeader("Date")[0]).isEqualTo("Tue, 1 Dec 2026 09:12:00 +0100");
		assertThat(text(message)).isEqualTo("1. Ja.");
	}

	@Test
	void keepsTheSendersMessageIdOrItsAbsenceWhenRebuilding() throws Exception {
		MimeMessage message = parse("""
				From: anna.berg@kumla.example.org
				Content-Type: multipart/mixed

				1. Svar utan Message-ID.
				""");

		assertThat(message.getMessageID()).isNull();
		assertThat(message.getHeader("Date")).isNull();
	}

	@Test
	void readsTheBodyAsTextWhenNothingElseWorks() throws Exception {
		MimeMessage message = LenientMessage.rawText("""
				From: anna.berg@kumla.example.org
				Content-Type: multipart/mixed; boundary=x

				1. Rå text.
				""".getBytes(StandardCharsets.UTF_8));

		assertThat(text(message)).isEqualTo("1. Rå text.");
		assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("anna.berg@kumla.example.org");
	}

	@Test
	void strictReadingRefusesWhatTheLenientPathRepairs() throws Exception {
		MimeMessage strict = new MimeMessage(null, new java.io.ByteArrayInputStream((HEADERS + """
				Content-Type: multipart/alternative; boundary="expected"

				--written
				Content-Type: text/plain

				1. Svar
				""").getBytes(StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> ReplyBody.extract(strict)).isInstanceOf(jakarta.mail.MessagingException.class);
	}

	private static MimeMessage parse(String raw) throws Exception {
		return LenientMessage.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	private static String text(MimeMessage message) throws Exception {
		return ReplyBody.extract(message).text().strip();
	}

}
