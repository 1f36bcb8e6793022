package se.samla.email.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kept emails are read back with their headers as the sender wrote them. */
class RawMailTests {

	@Test
	void readsHeadersWrittenInRawUtf8AsUtf8() throws Exception {
		byte[] raw = """
				From: Åsa Öberg <asa.oberg@example.org>
				To: enkat+abc@samla.example.org
				Subject: SV: Kartläggning steg 2 – Örebro län
				Message-ID: <raw-utf8@example.org>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				1. Svar
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

		MimeMessage message = RawMail.parse(raw);

		assertThat(message.getSubject()).isEqualTo("SV: Kartläggning steg 2 – Örebro län");
		assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Åsa Öberg");
	}

	@Test
	void stillReadsEncodedWordsAndLatin1Bodies() throws Exception {
		byte[] raw = ("From: =?ISO-8859-1?Q?=C5sa_=D6berg?= <asa.oberg@example.org>\r\n"
				+ "Subject: =?UTF-8?Q?SV:_Kartl=C3=A4ggning?=\r\n" + "MIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n" + "Vi ser behov av språkombud.\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);

		MimeMessage message = RawMail.parse(raw);

		assertThat(message.getSubject()).isEqualTo("SV: Kartläggning");
		assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Åsa Öberg");
		assertThat((String) message.getContent()).contains("språkombud");
	}

}
