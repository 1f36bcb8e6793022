package se.samla.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import se.samla.campaigns.MessageContent;
import se.samla.campaigns.MessageContent.Attachment;

/**
 * A message that carries its content becomes MIME as the content says: text beside HTML,
 * the images the HTML shows as related parts named by their Content-ID, and exactly the
 * files the content names. Read back from the bytes a mail server would get.
 */
class ContentMailTests {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final Attachment WORKBOOK = Attachment.file("sammanstallning-steg2.xlsx", XLSX,
			new byte[] { 'P', 'K', 3, 4 });

	private static final Attachment CSV = Attachment.file("sammanstallning-steg2.csv", "text/csv",
			"a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	@Test
	void theWorkbookTheContentNamesIsAttachedAndNoCsvItDoesNotName() throws Exception {
		MimeMultipart mixed = sent(content(List.of(WORKBOOK)));
		assertThat(mixed.getContentType()).startsWith("multipart/mixed");
		assertThat(mixed.getCount()).isEqualTo(2);
		assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
		BodyPart workbook = mixed.getBodyPart(1);
		assertThat(workbook.getDisposition()).isEqualTo(Part.ATTACHMENT);
		assertThat(workbook.getFileName()).isEqualTo("sammanstallning-steg2.xlsx");
		assertThat(workbook.getContentType()).startsWith(XLSX);
		assertThat(bytes(workbook)).isEqualTo(WORKBOOK.bytes());
	}

	@Test
	void aCsvTheContentNamesIsAttachedBesideTheWorkbook() throws Exception {
		MimeMultipart mixed = sent(content(List.of(WORKBOOK, CSV)));
		assertThat(mixed.getCount()).isEqualTo(3);
		assertThat(mixed.getBodyPart(2).getFileName()).isEqualTo("sammanstallning-steg2.csv");
		assertThat(bytes(mixed.getBodyPart(2))).isEqualTo(CSV.bytes());
	}

	@Test
	void contentWithoutAttachmentsIsTextBesideHtml() throws Exception {
		MimeMultipart alternative = sent(content(List.of()));
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		assertThat(alternative.getCount()).isEqualTo(2);
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat((String) alternative.getBodyPart(0).getContent()).isEqualTo("Svarsfrekvens 30 %");
		assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
	}

	@Test
	void inlineImagesAreRelatedPartsOfTheHtmlNamedByTheirContentId() throws Exception {
		Attachment chart = Attachment.inlineImage("svarsfrekvens", "svarsfrekvens.png", "image/png", PNG);
		MimeMultipart mixed = sent(content(List.of(chart, WORKBOOK)));
		// the chart is no file of its own: beside the text and HTML only the workbook
		assertThat(mixed.getCount()).isEqualTo(2);
		assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("sammanstallning-steg2.xlsx");
		MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
		assertThat(related.getContentType()).startsWith("multipart/related");
		assertThat(related.getBodyPart(0).getContentType()).startsWith("text/html");
		assertThat((String) related.getBodyPart(0).getContent()).contains("cid:svarsfrekvens");
		BodyPart image = related.getBodyPart(1);
		assertThat(image.getContentType()).startsWith("image/png");
		assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
		assertThat(image.getHeader("Content-ID")).containsExactly("<svarsfrekvens>");
		assertThat(bytes(image)).isEqualTo(PNG);
	}

	private static MessageContent content(List<Attachment> attachments) {
		return new MessageContent("Sammanställning: steg 2", "Svarsfrekvens 30 %",
				"<p>Svarsfrekvens 30 %</p><img src=\"cid:svarsfrekvens\" alt=\"3 av 10 har svarat\">", attachments,
				null);
	}

	/** The body as written to the wire and read back. */
	private static MimeMultipart sent(MessageContent content) throws Exception {
		Session session = Session.getInstance(new Properties());
		MimeMessage mail = new MimeMessage(session);
		mail.setSubject(content.subject(), "UTF-8");
		mail.setContent(MailComposer.body(content));
		mail.saveChanges();
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		mail.writeTo(wire);
		MimeMessage received = new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
		return (MimeMultipart) received.getContent();
	}

	private static byte[] bytes(Part part) throws Exception {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

}
