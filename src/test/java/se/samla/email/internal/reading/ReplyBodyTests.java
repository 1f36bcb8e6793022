package se.samla.email.internal.reading;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The person's text is found and decoded whatever the client did to the message. */
class ReplyBodyTests {

	private static final String HEADERS = """
			From: Anna Svensson <anna.svensson@kumla.se>
			To: enkat+k3x9@samla.se
			Subject: SV: Kartläggning steg 2
			MIME-Version: 1.0
			""";

	@Test
	void decodesWindows1252LabelledIso88591() throws Exception {
		byte[] body = "1. Brist – särskilt på sjuksköterskor i Hällefors och Örebro\r\n"
			.getBytes(Charset.forName("windows-1252"));
		ReplyText text = ReplyBody.extract(message(headers("text/plain; charset=iso-8859-1", "8bit"), body));
		assertThat(text.text()).isEqualTo("1. Brist – särskilt på sjuksköterskor i Hällefors och Örebro\n");
		assertThat(text.charset()).isEqualTo("windows-1252");
		assertThat(text.fromHtml()).isFalse();
	}

	@Test
	void treatsMissingCharsetAsWindows1252() throws Exception {
		byte[] body = "Språkombud".getBytes(Charset.forName("windows-1252"));
		assertThat(ReplyBody.extract(message(headers("text/plain", "8bit"), body)).text()).isEqualTo("Språkombud");
	}

	@Test
	void fallsBackToWindows1252WhenDeclaredUtf8IsInvalid() throws Exception {
		byte[] body = "Ja – så är det".getBytes(Charset.forName("windows-1252"));
		ReplyText text = ReplyBody.extract(message(headers("text/plain; charset=utf-8", "8bit"), body));
		assertThat(text.text()).isEqualTo("Ja – så är det");
	}

	@Test
	void decodesQuotedPrintableUtf8() throws Exception {
		String raw = headers("text/plain; charset=\"utf-8\"", "quoted-printable")
				+ "1. Spr=C3=A5kombud och introduktion f=C3=B6r nyanst=\r\n=C3=A4llda\r\n";
		assertThat(ReplyBody.extract(message(raw)).text())
			.isEqualTo("1. Språkombud och introduktion för nyanställda\n");
	}

	@Test
	void decodesBase64Utf8AndNormalisesLineEnds() throws Exception {
		ReplyText text = ReplyBody.extract(resource("gmail-alternative.eml"));
		assertThat(text.fromHtml()).isFalse();
		assertThat(text.text()).startsWith("1. Brist på sjuksköterskor\n2. Språkombud\n").doesNotContain("\r");
		assertThat(text.quoted()).contains("> 1. Vad ser ni för mönster");
		assertThat(text.stripped().reply()).isEqualTo("1. Brist på sjuksköterskor\n2. Språkombud");
	}

	@Test
	void undoesFormatFlowedWithDelsp() throws Exception {
		String raw = headers("text/plain; charset=utf-8; format=flowed; delsp=yes", "8bit")
				+ "1. Vi ser brist p\u00e5 sjuksk\u00f6ter \r\nskor och beh\u00f6ver  \r\nrusta chefer.\r\n"
				+ "2. Spr\u00e5kombud\r\n-- \r\nAnna\r\n>> Citerad  \r\n>> rad\r\n";
		ReplyText text = ReplyBody.extract(message(raw));
		assertThat(text.text()).isEqualTo(
				"1. Vi ser brist på sjuksköterskor och behöver rusta chefer.\n2. Språkombud\n-- \nAnna\n>> Citerad rad\n");
	}

	@Test
	void undoesFormatFlowedWithoutDelsp() throws Exception {
		String raw = headers("text/plain; charset=utf-8; format=flowed", "8bit")
				+ "Vi ser brist p\u00e5 \r\nsjuksk\u00f6terskor.\r\n";
		assertThat(ReplyBody.extract(message(raw)).text()).isEqualTo("Vi ser brist på sjuksköterskor.\n");
	}

	@Test
	void rendersHtmlOnlyMultipartAndCutsOwaHistory() throws Exception {
		ReplyText text = ReplyBody.extract(resource("outlook-owa-html-only.eml"));
		assertThat(text.fromHtml()).isTrue();
		assertThat(text.text()).isEqualTo("1. Brist på sjuksköterskor\n2. Språkombud");
		assertThat(text.quoted()).contains("Från: Samla enkät", "1. Vad ser ni för mönster i resultatet?");
	}

	@Test
	void cutsOwaHistoryAtDivRplyFwdMsg() {
		ReplyText text = ReplyBody.fromHtml("""
				<div>Ja</div><div id="divRplyFwdMsg"><b>From:</b> Samla</div><div>Question</div>""", "UTF-8");
		assertThat(text.text()).isEqualTo("Ja");
		assertThat(text.quoted()).isEqualTo("From: Samla\nQuestion");
	}

	@Test
	void cutsClassicOutlookBorderDiv() {
		ReplyText text = ReplyBody.fromHtml("""
				<div class="WordSection1"><p class="MsoNormal">1. Ja<o:p></o:p></p>
				<p class="MsoNormal">2. Nej<o:p>&nbsp;</o:p></p>
				<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
				<p class="MsoNormal"><b>Från:</b> Samla enkät<br><b>Skickat:</b> den 3 december 2026</p></div></div>
				<p class="MsoNormal">Hej Anna!</p></div>""", "windows-1252");
		assertThat(text.text()).isEqualTo("1. Ja\n2. Nej");
		assertThat(text.quoted()).contains("Från: Samla enkät\nSkickat: den 3 december 2026", "Hej Anna!");
	}

	@Test
	void cutsOlderClassicOutlookBorderColour() {
		ReplyText text = ReplyBody.fromHtml("""
				<p>Ja</p><div style="border:none; border-top:solid #B5C4DF 1.0pt">From: Samla</div>""", "UTF-8");
		assertThat(text.text()).isEqualTo("Ja");
	}

	@Test
	void keepsDivsWithOtherStyles() {
		ReplyText text = ReplyBody.fromHtml(
				"<div class=\"WordSection1\" style=\"font-family:Calibri\">Ja</div><div id=\"x\" style=\"\">Nej</div>",
				"UTF-8");
		assertThat(text.text()).isEqualTo("Ja\nNej");
	}

	@Test
	void cutsGmailQuoteAndSignature() {
		ReplyText text = ReplyBody.fromHtml("""
				<div dir="ltr">1. Ja<div>2. Nej</div><br><span class="gmail_signature_prefix">-- </span>
				<div dir="ltr" class="gmail_signature">Anna Svensson<br>Kumla kommun</div></div><br>
				<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Den tors 3 dec. 2026
				kl 09:12 skrev Samla &lt;<a href="mailto:enkat@samla.se">enkat@samla.se</a>&gt;:<br></div>
				<blockquote class="gmail_quote">1. Vad ser ni?</blockquote></div>""", "UTF-8");
		assertThat(text.stripped().reply()).isEqualTo("1. Ja\n2. Nej");
		assertThat(text.quoted()).contains("skrev Samla", "1. Vad ser ni?");
	}

	@Test
	void keepsAnswersTypedBetweenSplitGmailBlockquotesInTheQuotedTextUnderTheirQuestions() {
		ReplyText text = ReplyBody.fromHtml("""
				<div dir="ltr">Svar nedan.</div><div class="gmail_quote"><div dir="ltr" class="gmail_attr">
				Den tors 3 dec. 2026 kl 09:12 skrev Samla &lt;enkat@samla.se&gt;:<br></div>
				<blockquote class="gmail_quote"><div>Hej!</div><div>1. Vad ser ni?</div></blockquote>
				<div>Brist på sjuksköterskor.</div><br>
				<blockquote class="gmail_quote"><div>2. Vilka aktiviteter?</div></blockquote><div>Språkombud.</div>
				<blockquote class="gmail_quote"><div><br></div><div>Vänliga hälsningar</div></blockquote></div>""",
				"UTF-8");
		assertThat(text.stripped().reply()).isEqualTo("Svar nedan.");
		assertThat(text.stripped().quoted()).containsSubsequence("1. Vad ser ni?\nBrist på sjuksköterskor.\n",
				"2. Vilka aktiviteter?\nSpråkombud.\n", "Vänliga hälsningar");
	}

	@Test
	void cutsAHeaderBlockInAnotherLanguageFromHtmlWithoutAQuoteMarker() {
		ReplyText text = ReplyBody.fromHtml("""
				<p>Wij zien een tekort aan verpleegkundigen.</p>
				<p><b>Van:</b> Samla &lt;enkat@samla.se&gt;<br><b>Verzonden:</b> dinsdag 1 december 2026 09:14<br>
				<b>Aan:</b> Daan<br><b>Onderwerp:</b> Enquête</p><p>Hej Daan!</p>""", "UTF-8");
		assertThat(text.stripped().reply()).isEqualTo("Wij zien een tekort aan verpleegkundigen.");
		assertThat(text.stripped().quoted()).contains("Van: Samla", "Hej Daan!");
	}

	@Test
	void cutsAppleMailBlockquote() {
		ReplyText text = ReplyBody.fromHtml("""
				<html><body>Ja, det stämmer.<br><br><div>Skickat från min iPhone</div><div><br>
				<blockquote type="cite">Den 3 dec. 2026 kl. 09:12 skrev Samla &lt;enkat@samla.se&gt;:<br><br>
				Hej Anna!</blockquote></div></body></html>""", "UTF-8");
		assertThat(text.stripped().reply()).isEqualTo("Ja, det stämmer.");
		assertThat(text.quoted()).contains("Hej Anna!");
	}

	@Test
	void cutsThunderbirdCitePrefix() {
		ReplyText text = ReplyBody.fromHtml("""
				<p>1. Ja</p><div class="moz-cite-prefix">Den 2026-12-03 kl. 09:12, skrev Samla:<br></div>
				<blockquote type="cite">Hej</blockquote>""", "UTF-8");
		assertThat(text.text()).isEqualTo("1. Ja");
		assertThat(text.quoted()).startsWith("Den 2026-12-03").contains("Hej");
	}

	@Test
	void cutsYahooQuote() {
		ReplyText text = ReplyBody.fromHtml("<div>Ja</div><div class=\"yahoo_quoted\">Hej</div>", "UTF-8");
		assertThat(text.text()).isEqualTo("Ja");
	}

	@Test
	void cutsOutlookMobileReferenceMessageAndDropsItsGetOutlookLine() {
		ReplyText text = ReplyBody.fromHtml(
				"""
						<div dir="auto">1. Ja</div><div dir="auto">2. Nej</div>
						<div id="ms-outlook-mobile-signature" dir="auto"><div dir="auto">Hämta <a href="https://aka.ms/o0ukef">Outlook för iOS</a></div></div>
						<div id="mail-editor-reference-message-container" dir="auto"><br><hr tabindex="-1">
						<b>Från:</b> Samla &lt;samla@samla.se&gt;<br><b>Skickat:</b> tisdag, december 1, 2026 9:14 fm<br>
						<p>1. Vad ser ni?</p></div>""",
				"UTF-8");
		assertThat(text.text()).isEqualTo("1. Ja\n2. Nej");
		assertThat(text.quoted()).contains("Från: Samla", "1. Vad ser ni?");
	}

	@Test
	void dropsTheSignatureContainersOfOwaSamsungThunderbirdYahooAndProton() {
		String html = """
				<div>Vi ser brist på sjuksköterskor.</div>
				<div id="Signature"><div>Malin Ekström</div><div>Socialchef</div></div>
				<div id="composer_signature"><div>Skickat från min Galaxy</div></div>
				<pre class="moz-signature" cols="72">-- \nMalin</pre>
				<div id="ymail_android_signature"><a href="https://mail.onelink.me/">Sent from Yahoo Mail on Android</a></div>
				<div class="protonmail_signature_block"><div class="protonmail_signature_block-proton">Sent with Proton Mail secure email.</div></div>""";
		assertThat(ReplyBody.fromHtml(html, "UTF-8").text()).isEqualTo("Vi ser brist på sjuksköterskor.");
	}

	@Test
	void cutsProtonZimbraAndRoundcubeQuotes() {
		assertThat(ReplyBody.fromHtml("""
				<div>Ja</div><div class="protonmail_quote">On Tuesday, December 1st, 2026 at 09:14, Samla wrote:<br>
				<blockquote class="protonmail_quote" type="cite">Hej</blockquote></div>""", "UTF-8").text())
			.isEqualTo("Ja");
		assertThat(ReplyBody
			.fromHtml(
					"""
							<div>Ja</div><hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__"><b>Från: </b>Samla</div>
							<div data-marker="__QUOTED_TEXT__">Hej</div>""",
					"UTF-8")
			.text()).isEqualTo("Ja");
		assertThat(ReplyBody.fromHtml("""
				<p>Ja</p><p id="reply-intro">Den 2026-12-01 09:14, skrev Samla:</p>
				<blockquote type="cite">Hej</blockquote>""", "UTF-8").text()).isEqualTo("Ja");
	}

	@Test
	void separatesParagraphsByABlankLineAsClientsShowThem() {
		assertThat(
				ReplyBody.fromHtml("<p>Vi ser brist.<br>Mest på natten.</p><p>Vi behöver välja.</p>", "UTF-8").text())
			.isEqualTo("Vi ser brist.\nMest på natten.\n\nVi behöver välja.");
	}

	@Test
	void keepsParagraphsWithoutMarginsOnOneLineEach() {
		assertThat(ReplyBody.fromHtml("""
				<p class="MsoNormal">1. Ja</p><p class="MsoNormal">2. Nej</p>""", "UTF-8").text())
			.isEqualTo("1. Ja\n2. Nej");
		assertThat(ReplyBody.fromHtml("<p style=\"margin: 0px;\">1. Ja</p><p style=\"margin:0\">2. Nej</p>", "UTF-8")
			.text()).isEqualTo("1. Ja\n2. Nej");
		assertThat(ReplyBody
			.fromHtml(
					"""
							<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>
							<body><p>1. Ja</p><p>2. Nej</p></body></html>""",
					"UTF-8")
			.text()).isEqualTo("1. Ja\n2. Nej");
	}

	@Test
	void dropsScriptAndStyleAndNumbersOrderedLists() {
		ReplyText text = ReplyBody.fromHtml("""
				<style>.x{color:red}</style><script>alert(1)</script>
				<ol><li>Brist på sjuksköterskor</li><li>Språkombud</li></ol><ol start="3"><li>Vet ej</li></ol>""",
				"UTF-8");
		assertThat(text.text()).isEqualTo("1. Brist på sjuksköterskor\n2. Språkombud\n3. Vet ej");
	}

	@Test
	void prefersNonBlankTextPlainAndIgnoresAttachments() throws Exception {
		String raw = HEADERS + """
				Content-Type: multipart/mixed; boundary="mix"

				--mix
				Content-Type: text/plain; charset=utf-8; name="svar.txt"
				Content-Disposition: attachment; filename="svar.txt"

				1. Bifogat svar
				--mix
				Content-Type: message/rfc822

				Subject: Vidarebefordrat
				Content-Type: text/plain

				1. Inte mitt svar
				--mix
				Content-Type: multipart/alternative; boundary="alt"

				--alt
				Content-Type: text/plain; charset=utf-8

				\s\s
				--alt
				Content-Type: text/html; charset=utf-8

				<p>1. Ja</p>
				--alt--
				--mix--
				""";
		ReplyText text = ReplyBody.extract(message(raw.replace("\n", "\r\n")));
		assertThat(text.fromHtml()).isTrue();
		assertThat(text.text()).isEqualTo("1. Ja");
	}

	@Test
	void ignoresInlinePartsWithAFileName() throws Exception {
		String raw = HEADERS + """
				Content-Type: multipart/mixed; boundary="mix"

				--mix
				Content-Type: text/plain; charset=utf-8
				Content-Disposition: inline; filename="notes.txt"

				Inte svaret
				--mix
				Content-Type: text/plain; charset=utf-8

				Svaret
				--mix--
				""";
		assertThat(ReplyBody.extract(message(raw)).text()).isEqualTo("Svaret");
	}

	@Test
	void returnsEmptyTextWithoutReadableParts() throws Exception {
		String raw = HEADERS + "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n";
		ReplyText text = ReplyBody.extract(message(raw));
		assertThat(text.text()).isEmpty();
		assertThat(text.stripped().reply()).isEmpty();
	}

	@Test
	void readsALongReplyInFull() throws Exception {
		String raw = headers("text/plain; charset=utf-8", "8bit") + "a".repeat(150_000);
		ReplyText text = ReplyBody.extract(message(raw));
		assertThat(text.text()).hasSize(150_000);
		assertThat(text.cut()).isFalse();
	}

	@Test
	void saysSoWhenTextBeyondTheCapIsNotRead() throws Exception {
		String raw = headers("text/plain; charset=utf-8", "8bit") + "a".repeat(ReplyBody.MAX_CHARS + 10);
		ReplyText text = ReplyBody.extract(message(raw));
		assertThat(text.text()).hasSize(ReplyBody.MAX_CHARS);
		assertThat(text.cut()).isTrue();
	}

	private static String headers(String contentType, String encoding) {
		return HEADERS + "Content-Type: " + contentType + "\nContent-Transfer-Encoding: " + encoding + "\n\n";
	}

	private static MimeMessage message(String raw) throws Exception {
		return message(raw, new byte[0]);
	}

	private static MimeMessage message(String head, byte[] body) throws Exception {
		byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, all, 0, headBytes.length);
		System.arraycopy(body, 0, all, headBytes.length, body.length);
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(all));
	}

	private static MimeMessage resource(String name) throws Exception {
		try (InputStream in = ReplyBodyTests.class.getResourceAsStream("/email/reading/" + name)) {
			return new MimeMessage(Session.getInstance(new Properties()), in);
		}
	}

}
