package se.samla.email.internal.reading;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply's bytes are read as what they are, whatever label the mailer put on them.
 */
class ReplyDecodingTests {

	private static final String HEADERS = "From: anna.berg@kumla.example.org\r\nMIME-Version: 1.0\r\n";

	@Test
	void decodesUtf7() throws Exception {
		byte[] body = "Vi beh+APY-ver spr+AOU-kombud +- fler chefer.".getBytes(StandardCharsets.US_ASCII);

		assertThat(read("text/plain; charset=UTF-7", body)).isEqualTo("Vi behöver språkombud + fler chefer.");
	}

	@Test
	void decodesUtf7OutsideTheBasicPlaneAndKeepsALonePlus() throws Exception {
		assertThat(Utf7.decode("1+2 +2D3eAA-".getBytes(StandardCharsets.US_ASCII))).isEqualTo("1+2 \uD83D\uDE00");
	}

	@Test
	void readsValidUtf8AsUtf8WhateverTheLatinOrAsciiLabel() throws Exception {
		byte[] utf8 = "Svårt att rekrytera – fyra vakanser.".getBytes(StandardCharsets.UTF_8);

		assertThat(read("text/plain; charset=us-ascii", utf8)).isEqualTo("Svårt att rekrytera – fyra vakanser.");
		assertThat(read("text/plain; charset=iso-8859-1", utf8)).isEqualTo("Svårt att rekrytera – fyra vakanser.");
		assertThat(read("text/plain", utf8)).isEqualTo("Svårt att rekrytera – fyra vakanser.");
	}

	@Test
	void readsWindows1252UnderAnUnknownLabel() throws Exception {
		byte[] cp1252 = "Svårt att rekrytera – fyra vakanser.".getBytes(Charset.forName("windows-1252"));

		assertThat(read("text/plain; charset=ansi", cp1252)).isEqualTo("Svårt att rekrytera – fyra vakanser.");
		assertThat(read("text/plain; charset=x-unknown", cp1252)).isEqualTo("Svårt att rekrytera – fyra vakanser.");
	}

	@Test
	void readsAMessageThatOnlyWrapsAnotherFromTheWrappedOne() throws Exception {
		String raw = HEADERS + "Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n--w\r\n"
				+ "Content-Type: message/rfc822\r\n\r\nFrom: anna.berg@kumla.example.org\r\n"
				+ "Content-Type: text/plain; charset=utf-8\r\n\r\n1. Det inre svaret.\r\n--w--\r\n";

		assertThat(
				ReplyBody.extract(new MimeMessage(null, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))))
					.text()
					.strip())
			.isEqualTo("1. Det inre svaret.");
	}

	private static String read(String contentType, byte[] body) throws Exception {
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		raw.writeBytes((HEADERS + "Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		raw.writeBytes(body);
		return ReplyBody.extract(new MimeMessage(null, new ByteArrayInputStream(raw.toByteArray()))).text().strip();
	}

}
