package se.samla.email.internal.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the signature from the end of what a person wrote, so that names, titles and
 * footers never become part of an answer (a digest promises no names).
 * <p>
 * A signature is found by its shape, in a family of forms rather than a list of examples:
 * a sign-off ("Mvh", "Vänliga hälsningar", "Best regards", "Tack!" with a name), a name
 * after a slash or dash ("/Mats", "— Anna Berg"), a separator ("--", "—"), a mail
 * client's "Sent from …" in any language, a block of name, title, organisation, phone,
 * address and web lines, and confidentiality, GDPR and mailing-list footers. What follows
 * a sign-off must itself look like a signature (short lines, no numbered answers), and a
 * block without a sign-off must hold evidence (a title, an organisation, a phone number,
 * the writer's own name from the directory), so that answer text that mentions a role or
 * a number stays.
 * <p>
 * Only the end of the text is looked at: the end of the reply, or the end of each answer
 * written inline under a quoted question.
 */
final class Signatures {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern QUOTED = Pattern.compile("^\\s*>.*");

	/** A name as people type it after a sign-off or slash: letters, any case. */
	private static final String NAME = "[\\p{L}][\\p{L}.'’-]*(?:\\s+[\\p{L}][\\p{L}.'’-]*){0,3}";

	/** Sign-offs that end a message whatever follows them on the line. */
	private static final String STRONG_SIGN_OFF = "(?:(?:tack|tackar|thanks|thank you)(?:\\s+så\\s+mycket)?"
			+ "\\s*(?:och|and|&|,)?\\s*)?(?:med\\s+vänlig(?:a)?\\s+hälsning(?:ar)?|vänlig(?:a)?\\s+hälsning(?:ar)?"
			+ "|(?:bästa|varma|varmaste|många|glada|hjärtliga|soliga|trevliga|vänliga)\\s+hälsningar|hälsningar"
			+ "|hälsning|hälsn\\.?|m\\.?v\\.?h\\.?|vh|bh|(?:best|kind|warm|warmest|kindest|many|with best)\\s+regards"
			+ "|regards|best\\s+wishes|all\\s+the\\s+best|yours\\s+(?:sincerely|truly|faithfully)|sincerely"
			+ "|respectfully|cheers|b\\.?r\\.?|k\\.?r\\.?|rgds|brgds|greetings|mit\\s+freundlichen\\s+gr(?:ü|ue|u)(?:ß|ss)en"
			+ "|(?:freundliche|viele|beste|liebe)\\s+gr(?:ü|ue|u)(?:ß|ss)e|lg|mfg|gruß|(?:bien\\s+)?cordialement"
			+ "|bien\\s+à\\s+vous|salutations|saludos|un\\s+saludo|atentamente|(?:cordiali|distinti)\\s+saluti|saluti"
			+ "|(?:met\\s+)?vriendelijke\\s+groet(?:en)?|groeten|mvg|pozdrawiam|z\\s+poważaniem"
			+ "|(?:ystävällisin\\s+)?terveisin|(?:med\\s+)?venlig\\s+hilsen|(?:med\\s+)?vennlig\\s+hilsen|hilsen"
			+ "|atenciosamente|abraços?)(?![\\p{L}])";

	/** Sign-offs that end a message only when a name follows them. */
	private static final String WEAK_SIGN_OFF = "(?:tack(?:\\s+så\\s+mycket|\\s+på\\s+förhand)?|stort\\s+tack|tackar"
			+ "|thanks(?:\\s+again|\\s+a\\s+lot|\\s+in\\s+advance)?|thank\\s+you|many\\s+thanks|thx|best|take\\s+care"
			+ "|danke|merci|gracias|grazie|obrigad[oa]|bedankt|dziękuję|kiitos|hej\\s+då|ha\\s+det\\s+(?:bra|gott)"
			+ "|ha\\s+en\\s+(?:bra|fin|trevlig)\\s+(?:dag|helg|vecka)|trevlig\\s+helg|allt\\s+gott|vi\\s+hörs|hörs)"
			+ "(?![\\p{L}])";

	private static final Pattern STRONG_LINE = Pattern.compile("^\\s*/{0,2}\\s*" + STRONG_SIGN_OFF
			+ "\\s*[,.!:;]*(?:(?:\\s+|\\s*/{1,2}\\s*|\\s+[-–—]\\s*|(?<=[,.!:;]))" + NAME + ")?\\s*$", FLAGS);

	private static final Pattern WEAK_WITH_NAME = Pattern
		.compile("^\\s*" + WEAK_SIGN_OFF + "\\s*[,.!:;]*\\s*(?:/{1,2}|-|–|—)?\\s*(" + NAME + ")\\s*[.!]?\\s*$", FLAGS);

	private static final Pattern WEAK_LINE = Pattern.compile("^\\s*" + WEAK_SIGN_OFF + "\\s*[,.!:;]*\\s*$", FLAGS);

	/** "/Mats", "//Anna", "/ Anna Berg", "/AB". */
	private static final Pattern SLASH_NAME = Pattern.compile("^\\s*/{1,2}\\s*(" + NAME + ")\\s*$", FLAGS);

	/** "-Mats", "- Mats", "— Anna Berg", "--Anna", "~Anna". */
	private static final Pattern DASH_NAME = Pattern.compile("^\\s*(?:-{1,2}|[–—]{1,2}|~)\\s*(" + NAME + ")\\s*$",
			FLAGS);

	/** A line of dashes or the like between the text and a signature. */
	private static final Pattern SEPARATOR = Pattern
		.compile("^\\s*(?:-{2,}|[–—]{1,3}|_{3,}|={3,}|\\*{3,}|~{2,}|#{3,}|[–—-]{2,})\\s*$");

	/**
	 * "Sent from my iPhone", "Skickat från Samsung Galaxy", "Von meinem iPhone gesendet",
	 * "Envoyé de mon iPhone", "Hämta Outlook för iOS", in the languages clients ship.
	 */
	private static final Pattern SENT_FROM = Pattern.compile("^\\s*(?:(?:sent|skickat|skickad|skickades|sendt"
			+ "|envoyé|envoye|enviado|inviato|verzonden|verstuurd|gesendet|wysłane|wyslane|odesláno|odoslané"
			+ "|lähetetty|elküldve|poslano|trimis)\\s+(?:from|with|via|using|on|by|through|från|med|via|fra|de|depuis"
			+ "|desde|do|da|dal|dalla|vanaf|met|von|mit|z|ze|mittels|ze\\s+svého|iz|cu|de\\s+pe)\\b.*"
			+ "|von\\s+meine[mrn]?\\s.*\\bgesendet.*|lähetetty\\s+\\S+(?:sta|stä)\\b.*"
			+ "|(?:get|hämta|download|ladda\\s+ner|skaffa|obtenir|holen\\s+sie\\s+sich|baixe|descarga|scarica)\\s+"
			+ "(?:the\\s+)?outlook\\b.*)$", FLAGS);

	/** What makes a "Sent from" line certain even when something follows it. */
	private static final Pattern SENT_FROM_CUE = Pattern.compile("\\b(?:my|min|mitt|mina|mon|ma|mi|meu|mio|mijn"
			+ "|meinem|meiner|mojego|moje)\\b|iphone|ipad|android|samsung|galaxy|outlook|mail|yahoo|typeapp|bluemail"
			+ "|blackberry|huawei|xperia|pixel|mobil|smartphone|phone|telefon|device|enhet|\\bapp\\b|windows|spark"
			+ "|proton|gmx|aol|airmail|tablet|surfplatta|\\bios\\b|nine|edison|spike|fairemail|k-9|tuta|icloud|zoho",
			FLAGS);

	private static final Pattern POSTSCRIPT = Pattern.compile("^\\s*p\\.?\\s?s\\.?(?:\\s|:|$).*", FLAGS);

	private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-–—*•·▪]|\\d{1,2}[.)])\\s+\\S.*");

	private static final Pattern WORD = Pattern.compile("\\S*\\p{L}\\S*");

	/** Name words: capitalised, or the particles of names ("af", "von", "de"). */
	private static final Pattern NAME_WORD = Pattern
		.compile("(?:\\p{Lu}[\\p{L}'’-]*\\.?|\\p{Lu}\\.|af|von|van|de|der|den|la|le|di|da|du|del|dos|el|ten|ter)");

	private static final Pattern NAME_HEAD_END = Pattern.compile("\\s*(?:[,|(•·]|\\s[-–—]\\s|\\s/\\s).*$");

	/** Job titles, Swedish and English, matched on text without diacritics. */
	private static final Pattern TITLE = Pattern.compile("(?:\\p{L}*chef\\b|direktor\\b|director|manager"
			+ "|handlaggare|samordnare|koordinator|coordinator|strateg|specialist|sekreterare|secretary|officer"
			+ "|assistent|assistant|ansvarig|controller|konsult|consultant|radgivare|advis[oe]r|head\\s+of|\\blead\\b"
			+ "|\\bvd\\b|\\bceo\\b|\\bcfo\\b|\\bcto\\b|\\bcoo\\b|\\bcio\\b|\\bhr\\b|utvecklare|developer|engineer"
			+ "|ingenjor|projektledare|sjukskoterska|lakare|\\bpartner\\b|administrator|president|ordforande|chair"
			+ "|analyst|analytiker|kurator|forvaltare|founder|grundare|owner|professor|lektor|lecturer|researcher"
			+ "|forskare|larare|teacher|rektor|principal|nurse|socionom|psykolog|legitimerad|\\bleg\\.|bitradande"
			+ "|\\bt\\.?f\\.?\\s|acting|senior|junior|medarbetare|supervisor|arbetsledare|ledare\\b|leader|handledare"
			+ "|\\bmas\\b|underskoterska|skotare|planerare|planner|expert|ekonom|jurist|lawyer|attorney|counsel"
			+ "|architect|arkitekt|designer|representative|support|executive|vice\\s)", FLAGS);

	/** Organisations and their parts, matched on text without diacritics. */
	private static final Pattern ORGANISATION = Pattern.compile("(?:\\bkommun\\b|kommunen\\b|\\bregion\\b|\\blan\\b"
			+ "|landsting|forvaltning|\\bab\\b|\\bhb\\b|\\binc\\.?|\\bltd\\.?|\\bllc\\b|\\bgmbh\\b|\\bplc\\b|\\bcorp"
			+ "|company|foretag|universitet|university|hogskola|college|myndighet|agency|department|avdelning"
			+ "|enheten\\b|stiftelse|foundation|forening|association|council|municipality|county|hospital|sjukhus"
			+ "|vardcentral|klinik|clinic|forbund|group\\b|gruppen|koncern|kansli|sektion|omsorg|socialtjanst)", FLAGS);

	private static final Pattern PHONE = Pattern.compile(
			"(?:\\b(?:tel|telefon|tfn|phone|mobil|mobile|mob|cell|direkt"
					+ "|direct|vaxel|switchboard|fax|ph|[mtpo])\\b\\.?\\s*[:.]?\\s*\\+?[\\d(]"
					+ "|(?:^|[\\s:(])(?:\\+\\d{1,3}[\\s(-]?|0)\\d[\\d\\s()./-]{5,}\\d|\\(\\d{3}\\)\\s?\\d{3}-\\d{4})",
			FLAGS);

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");

	private static final Pattern WEB = Pattern.compile(
			"(?:https?://|\\bwww\\.|\\b[\\w-]+\\.(?:se|com|org|net|nu|eu" + "|io|de|fr|no|dk|fi|uk|info|gov)\\b)",
			FLAGS);

	private static final Pattern ADDRESS = Pattern.compile("(?:\\bbox\\s+\\d+|\\b\\d{3}\\s?\\d{2}\\s+\\p{L}"
			+ "|besoksadress|postadress|leveransadress|visiting\\s+address|\\baddress\\s*:|\\badress\\s*:"
			+ "|\\p{L}{1,40}(?:gatan|vagen|grand|torget|allen|plan|street|road|avenue|lane)\\s+\\d+"
			+ "|\\d+\\s+\\p{L}+\\s+(?:street|st\\.|road|rd\\.|avenue|ave\\.|lane)|\\bsuite\\s+\\d+)", FLAGS);

	private static final Pattern PLACEHOLDER = Pattern
		.compile("^\\s*(?:\\[(?:cid:|image|bild|logo|logga|signature|icon)|<https?://).*", FLAGS);

	/**
	 * Footers that are enough on their own, matched on a paragraph without diacritics:
	 * data protection notices, "received in error", mailing-list and group footers,
	 * "think before you print".
	 */
	private static final Pattern FOOTER = Pattern.compile("(?:dataskyddsforordningen|dataskyddsförordningen"
			+ "|behandla[rs]?\\s+(?:vi\\s+)?(?:dina\\s+)?personuppgifter|hur\\s+vi\\s+behandlar"
			+ "|(?:fatt|mottagit)\\s+(?:detta|det\\s+har|mejlet|mailet|meddelandet|e-?postmeddelandet)\\s+(?:\\S+\\s+){0,4}"
			+ "(?:av\\s+misstag|felaktigt|i\\s+misstag|av\\s+fel|fel)"
			+ "|(?:received|receive|got)\\s+this\\s+(?:e-?mail|message|communication|transmission)\\s+(?:\\S+\\s+){0,3}"
			+ "(?:in\\s+error|by\\s+mistake)|not\\s+the\\s+intended\\s+recipient|intended\\s+(?:solely|only|exclusively)"
			+ "\\s+for|(?:avsett|avsedd|avsedda)\\s+(?:endast|enbart)\\s+for|endast\\s+avsett"
			+ "|allman(?:na)?\\s+handling(?:ar)?|offentlighetsprincipen|tank\\s+pa\\s+miljon|(?:think|consider)\\s+(?:about\\s+|of\\s+)?"
			+ "the\\s+environment|before\\s+printing|innan\\s+du\\s+skriver\\s+ut|mailing\\s+list|\\blistinfo\\b|mailman"
			+ "|you\\s+received\\s+this\\s+(?:message|e-?mail)\\s+because|unsubscribe|avregistrera|avprenumerera"
			+ "|avsluta\\s+(?:din\\s+)?prenumeration|to\\s+view\\s+this\\s+discussion|google\\s+groups|googlegroups\\.com"
			+ "|manage\\s+(?:your\\s+)?subscription|(?:scanned|checked)\\s+(?:for|by)\\s+(?:viruses|virus|\\S+\\s+anti-?virus)"
			+ "|virus(?:kontroller|skann|scan)|[*=#-]{3,}\\s*(?:disclaimer|ansvarsfriskrivning))", FLAGS);

	/** Footer words that need a word about the message beside them. */
	private static final Pattern FOOTER_WEAK = Pattern.compile("(?:personuppgift|\\bgdpr\\b|personal\\s+data"
			+ "|privacy\\s+(?:notice|policy|statement)|data\\s+protection|konfidentiell|sekretess|confidential"
			+ "|privileged|disclaimer|ansvarsfriskrivning)", FLAGS);

	private static final Pattern ABOUT_THE_MESSAGE = Pattern.compile(
			"(?:e-?post|epost|mejl|mail|meddelande" + "|message|communication|transmission|attachment|bilag)", FLAGS);

	/** Longer lines are sentences: no pattern needs to run over them. */
	private static final int LONG_LINE = 300;

	/** Longest paragraph that may be a footer. */
	private static final int FOOTER_LENGTH = 3000;

	/** Most non-footer lines below a sign-off that may still be a signature. */
	private static final int TAIL_LINES = 15;

	/** Most lines of a signature block without a sign-off. */
	private static final int BLOCK_LINES = 10;

	/** Most words on a line of a signature block. */
	private static final int BLOCK_WORDS = 10;

	/** Kinds of evidence that make a block of short lines a signature. */
	private static final int TITLE_KIND = 1;

	private static final int ORGANISATION_KIND = 2;

	private static final int CONTACT_KIND = 4;

	private static final int SIGNER_KIND = 8;

	private static final int FOOTER_KIND = 16;

	private Signatures() {
	}

	/**
	 * @param lines what the person wrote above the quoted history, without quoted lines
	 * @param signer who wrote it
	 * @return the lines above the signature
	 */
	static List<String> strip(List<String> lines, Signer signer) {
		return block(lines, signer, false);
	}

	/**
	 * Cuts a signature from the end of each answer written between quoted lines, and from
	 * the text below the last quote, keeping the quoted lines.
	 * @param lines the reply with its {@code >} lines
	 * @param signer who wrote it
	 * @return the lines without signatures
	 */
	static List<String> inline(List<String> lines, Signer signer) {
		List<String> result = new ArrayList<>();
		List<String> run = new ArrayList<>();
		boolean afterQuote = false;
		for (String line : lines) {
			if (QUOTED.matcher(line).matches()) {
				result.addAll(block(run, signer, afterQuote));
				run.clear();
				result.add(line);
				afterQuote = true;
			}
			else {
				run.add(line);
			}
		}
		result.addAll(block(run, signer, afterQuote));
		return result;
	}

	/**
	 * @param mayBeEmpty whether the whole block may be a signature: an inline block under
	 * a quote can be, the only text of a reply cannot without a sign-off
	 */
	private static List<String> block(List<String> lines, Signer signer, boolean mayBeEmpty) {
		Lines analysed = new Lines(lines, signer);
		if (analysed.end == 0) {
			return lines;
		}
		int cut = analysed.end;
		for (int index = analysed.start(); index < analysed.end; index++) {
			if (analysed.isSignatureStart(index, mayBeEmpty)) {
				cut = index;
				break;
			}
		}
		List<String> kept = new ArrayList<>(lines.subList(0, cut));
		withoutTrailingSignOff(kept, signer);
		// the blank lines that separated the block from the next quote
		kept.addAll(lines.subList(analysed.end, lines.size()));
		return kept;
	}

	/**
	 * "Det var allt. Mvh /Mats" or "Ja, det stämmer /Mats": a sign-off written at the end
	 * of the last line of text.
	 */
	private static void withoutTrailingSignOff(List<String> kept, Signer signer) {
		int last = kept.size() - 1;
		while (last >= 0 && kept.get(last).isBlank()) {
			last--;
		}
		if (last < 0) {
			return;
		}
		String line = kept.get(last);
		// a sign-off at the end of a line is short: only the line's end is searched
		int from = Math.max(0, line.length() - LONG_LINE);
		String end = line.substring(from);
		String shorter = trailingSignOff(trailingSlashName(end, signer), signer);
		if (!shorter.equals(end)) {
			kept.set(last, line.substring(0, from) + shorter);
		}
	}

	private static final Pattern TRAILING_SLASH = Pattern.compile("^(.*\\S)\\s+/{1,2}(\\s?)(" + NAME + ")\\s*$", FLAGS);

	private static final Pattern TRAILING_DASH = Pattern.compile("^(.*[.!?])\\s+(?:-{1,2}|[–—])\\s?(" + NAME + ")\\s*$",
			FLAGS);

	private static final Pattern TRAILING_STRONG = Pattern
		.compile("^(.*[.!?])\\s+" + STRONG_SIGN_OFF + "\\s*[,.!]*\\s*(?:/{0,2}\\s*(" + NAME + "))?\\s*$", FLAGS);

	private static final Pattern TRAILING_WEAK = Pattern
		.compile("^(.*[.!?])\\s+" + WEAK_SIGN_OFF + "\\s*[,.!]*\\s*/{0,2}\\s*(" + NAME + ")\\s*[.!]?\\s*$", FLAGS);

	private static String trailingSlashName(String line, Signer signer) {
		Matcher slash = TRAILING_SLASH.matcher(line);
		// "Hemtjänst /Hemsjukvård" is no signature: without the writer's name, the slash
		// must
		// follow a finished sentence
		if (slash.matches() && hasText(slash.group(1)) && (isSignersName(slash.group(3), signer)
				|| (slash.group(2).isEmpty() && endsSentence(slash.group(1)) && isCapitalisedName(slash.group(3))))) {
			return slash.group(1);
		}
		Matcher dash = TRAILING_DASH.matcher(line);
		if (dash.matches() && hasText(dash.group(1))
				&& (isSignersName(dash.group(2), signer) || isCapitalisedName(dash.group(2)))) {
			return dash.group(1);
		}
		return line;
	}

	private static String trailingSignOff(String line, Signer signer) {
		Matcher strong = TRAILING_STRONG.matcher(line);
		if (strong.matches() && hasText(strong.group(1))) {
			String name = strong.group(2);
			if (name == null || isSignersName(name, signer) || isCapitalisedName(name)) {
				return strong.group(1);
			}
		}
		Matcher weak = TRAILING_WEAK.matcher(line);
		if (weak.matches() && hasText(weak.group(1))
				&& (isSignersName(weak.group(2), signer) || isCapitalisedName(weak.group(2)))) {
			return weak.group(1);
		}
		return line;
	}

	/** Some text beyond a question number. */
	private static boolean hasText(String prefix) {
		String text = NumberedLine.parse(prefix).map(NumberedLine::rest).orElse(prefix);
		return words(text) >= 1;
	}

	/** "Anna", "Anna Berg", "Anna B.", "Karl-Johan af Klint": capitalised name words. */
	private static boolean isCapitalisedName(String text) {
		String[] words = text.strip().split("\\s+");
		if (words.length == 0 || words.length > 4 || !Character.isUpperCase(words[0].codePointAt(0))) {
			return false;
		}
		for (String word : words) {
			if (!NAME_WORD.matcher(word).matches()) {
				return false;
			}
		}
		String plain = Signer.plain(text);
		return !TITLE.matcher(plain).find() && !ORGANISATION.matcher(plain).find();
	}

	/**
	 * The writer's name as they sign it: their first name, their full name, an initial
	 * and a surname, their initials ("MÖ"), in any order and case.
	 */
	private static boolean isSignersName(String text, Signer signer) {
		Set<String> known = signer.nameWords();
		if (known.isEmpty()) {
			return false;
		}
		String[] words = Signer.plain(text).strip().split("[\\s.]+");
		if (words.length == 0 || words.length > 4) {
			return false;
		}
		boolean named = false;
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			if (known.contains(word)) {
				named = true;
			}
			else if (!isInitials(word, known)) {
				return false;
			}
		}
		return named || (words.length == 1 && words[0].length() >= 2 && isInitials(words[0], known));
	}

	/** "m", "mo": initials of the known name words. */
	private static boolean isInitials(String word, Set<String> known) {
		if (word.length() > 3) {
			return false;
		}
		for (int index = 0; index < word.length(); index++) {
			char initial = word.charAt(index);
			if (known.stream().noneMatch((name) -> name.charAt(0) == initial)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * "Sent from my iPhone" and its kin: a short line in that shape that names a device,
	 * an app or "my", or is too short to be a sentence ("Sent from TypeApp").
	 */
	private static boolean isSentFrom(String line) {
		int words = words(line);
		// "Sent from my desk, is much easier than my phone." is a sentence
		if (!SENT_FROM.matcher(line).matches() || words > 12 || (words > 7 && endsSentence(line))) {
			return false;
		}
		return SENT_FROM_CUE.matcher(line).find()
				|| (words(line) <= 6 && line.indexOf(':') < 0 && line.indexOf(',') < 0);
	}

	/** Whether the line ends a sentence: ".", "!", "?" or "…", perhaps inside quotes. */
	private static boolean endsSentence(String line) {
		String end = line.strip().replaceAll("[\"'”’)]+$", "");
		return !end.isEmpty() && ".!?…".indexOf(end.charAt(end.length() - 1)) >= 0;
	}

	private static int words(String line) {
		Matcher matcher = WORD.matcher(line);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/**
	 * The lines of a block with what is known about each, and counts over what follows
	 * each line, so that every candidate start is judged in constant time.
	 */
	private static final class Lines {

		final List<String> lines;

		final Signer signer;

		/** One past the last non-blank line. */
		final int end;

		final boolean[] blank;

		final boolean[] numbered;

		final boolean[] prose;

		final boolean[] footer;

		final boolean[] blockLine;

		final int[] kinds;

		/** From each index to the end: counts of lines of each sort, and kinds seen. */
		final int[] numberedFrom;

		final int[] postscriptFrom;

		final int[] textFrom;

		final int[] plainTextFrom;

		final int[] proseFrom;

		final int[] notBlockFrom;

		final int[] kindsFrom;

		Lines(List<String> lines, Signer signer) {
			this.lines = lines;
			this.signer = signer;
			int last = lines.size();
			while (last > 0 && lines.get(last - 1).isBlank()) {
				last--;
			}
			this.end = last;
			this.blank = new boolean[last];
			this.numbered = new boolean[last];
			this.prose = new boolean[last];
			this.footer = new boolean[last];
			this.blockLine = new boolean[last];
			this.kinds = new int[last];
			for (int index = 0; index < last; index++) {
				String line = lines.get(index);
				this.blank[index] = line.isBlank();
				if (this.blank[index]) {
					continue;
				}
				if (line.length() > LONG_LINE) {
					this.prose[index] = true;
					continue;
				}
				this.numbered[index] = NumberedLine.isNumbered(line) && !PHONE.matcher(line).find();
				int words = words(line);
				boolean sentence = endsSentence(line);
				this.prose[index] = (words >= 5 && sentence) || words > 12 || line.strip().length() > 120;
				this.blockLine[index] = !this.numbered[index] && !this.prose[index] && words <= BLOCK_WORDS
						&& !BULLET.matcher(line).matches();
				this.kinds[index] = kinds(line);
			}
			markFooters();
			for (int index = 0; index < last; index++) {
				// "Sent from my iPhone" below a name belongs to the signature like a
				// footer
				if (!this.blank[index] && lines.get(index).length() <= LONG_LINE && isSentFrom(lines.get(index))) {
					this.footer[index] = true;
				}
			}
			this.numberedFrom = new int[last + 1];
			this.postscriptFrom = new int[last + 1];
			this.textFrom = new int[last + 1];
			this.plainTextFrom = new int[last + 1];
			this.proseFrom = new int[last + 1];
			this.notBlockFrom = new int[last + 1];
			this.kindsFrom = new int[last + 1];
			for (int index = last - 1; index >= 0; index--) {
				boolean text = !this.blank[index];
				boolean ordinary = text && !this.footer[index];
				this.numberedFrom[index] = this.numberedFrom[index + 1] + (this.numbered[index] ? 1 : 0);
				this.postscriptFrom[index] = this.postscriptFrom[index + 1]
						+ ((ordinary && POSTSCRIPT.matcher(lines.get(index)).matches()) ? 1 : 0);
				this.textFrom[index] = this.textFrom[index + 1] + (text ? 1 : 0);
				this.plainTextFrom[index] = this.plainTextFrom[index + 1] + (ordinary ? 1 : 0);
				this.proseFrom[index] = this.proseFrom[index + 1] + ((ordinary && this.prose[index]) ? 1 : 0);
				this.notBlockFrom[index] = this.notBlockFrom[index + 1]
						+ ((ordinary && !this.blockLine[index]) ? 1 : 0);
				this.kindsFrom[index] = this.kindsFrom[index + 1] | this.kinds[index]
						| (this.footer[index] ? FOOTER_KIND : 0);
			}
		}

		/** Whole paragraphs whose text is a footer. */
		private void markFooters() {
			int index = 0;
			while (index < this.end) {
				if (this.blank[index]) {
					index++;
					continue;
				}
				int paragraphEnd = index;
				StringBuilder text = new StringBuilder();
				while (paragraphEnd < this.end && !this.blank[paragraphEnd]) {
					text.append(' ').append(this.lines.get(paragraphEnd).strip());
					paragraphEnd++;
				}
				String plain = Signer.plain(text.toString());
				boolean isFooter = plain.length() <= FOOTER_LENGTH && FOOTER.matcher(plain).find()
						|| (FOOTER_WEAK.matcher(plain).find() && ABOUT_THE_MESSAGE.matcher(plain).find());
				if (isFooter) {
					// a footer may follow the last lines of a signature in one paragraph:
					// it
					// starts at the paragraph's first long line, if it has one
					int footerStart = index;
					while (footerStart < paragraphEnd && this.blockLine[footerStart]) {
						footerStart++;
					}
					footerStart = (footerStart == paragraphEnd) ? index : footerStart;
					for (int line = footerStart; line < paragraphEnd; line++) {
						this.footer[line] = true;
					}
				}
				index = paragraphEnd;
			}
		}

		private int kinds(String line) {
			String plain = Signer.plain(line);
			int found = 0;
			if (TITLE.matcher(plain).find() || isSignersRole(line)) {
				found |= TITLE_KIND;
			}
			if (ORGANISATION.matcher(plain).find() || isSignersOrganisation(line)) {
				found |= ORGANISATION_KIND;
			}
			if (PHONE.matcher(plain).find() || EMAIL.matcher(line).find() || WEB.matcher(line).find()
					|| ADDRESS.matcher(plain).find() || PLACEHOLDER.matcher(line).matches()) {
				found |= CONTACT_KIND;
			}
			if (isSignersName(nameHead(line), this.signer) || isSignersRole(line) || isSignersOrganisation(line)) {
				found |= SIGNER_KIND;
			}
			return found;
		}

		int start() {
			int index = 0;
			while (index < this.end && this.blank[index]) {
				index++;
			}
			return index;
		}

		boolean isSignatureStart(int index, boolean mayBeEmpty) {
			String line = this.lines.get(index);
			if (this.blank[index] || this.numbered[index] || line.length() > LONG_LINE) {
				return false;
			}
			int after = index + 1;
			if (line.equals("-- ") || line.strip().equals("--")) {
				return this.numberedFrom[after] == 0;
			}
			if (isSentFrom(line)) {
				return this.numberedFrom[after] == 0;
			}
			if (this.footer[index]) {
				return signatureBelow(after, 0);
			}
			if (STRONG_LINE.matcher(line).matches() || weakWithName(line) || weakThenName(index)) {
				return signatureBelow(after, 2);
			}
			if (SLASH_NAME.matcher(line).matches()) {
				return signatureBelow(after, 1);
			}
			Matcher dash = DASH_NAME.matcher(line);
			if (dash.matches() && (isCapitalisedName(dash.group(1)) || isSignersName(dash.group(1), this.signer))
					&& !inList(index)) {
				return signatureBelow(after, 1);
			}
			if (SEPARATOR.matcher(line).matches()) {
				return this.textFrom[after] > 0 && signatureBelow(after, 1);
			}
			return isSignatureBlock(index, mayBeEmpty);
		}

		/**
		 * Name, title, organisation and contact lines without a sign-off above them: only
		 * short lines to the end, starting with the writer's name (or a name, a title or
		 * an organisation with something else that only signatures have).
		 */
		private boolean isSignatureBlock(int index, boolean mayBeEmpty) {
			if ((!mayBeEmpty && index == start()) || !this.blockLine[index] || this.notBlockFrom[index] > 0
					|| this.plainTextFrom[index] > BLOCK_LINES || this.postscriptFrom[index] > 0) {
				return false;
			}
			String line = this.lines.get(index);
			int previous = index - 1;
			while (previous >= 0 && this.blank[previous]) {
				previous--;
			}
			boolean ownName = isSignersName(nameHead(line), this.signer);
			boolean paragraphStart = previous < 0 || previous < index - 1 || endsSentence(this.lines.get(previous));
			// a line right under a list item continues the list; after a blank line, the
			// writer's own name is their signature even when their answers were a list
			if (previous >= 0 && (this.lines.get(previous).strip().endsWith(":")
					|| (BULLET.matcher(this.lines.get(previous)).matches() && (previous == index - 1 || !ownName)))) {
				return false;
			}
			if (ownName) {
				return true;
			}
			if (!paragraphStart) {
				return false;
			}
			int evidence = Integer.bitCount(this.kindsFrom[index]);
			String head = nameHead(line);
			// an organisation alone does not make a signature of "Karlskoga Energi /
			// Region
			// Örebro län" written as an answer
			boolean telling = (this.kindsFrom[index] & (TITLE_KIND | CONTACT_KIND | SIGNER_KIND)) != 0;
			if (isCapitalisedName(head) && head.split("\\s+").length >= 2) {
				return telling && evidence >= ((index == start()) ? 2 : 1);
			}
			boolean signersDetail = (this.kinds[index] & SIGNER_KIND) != 0;
			boolean contact = (this.kindsFrom[index] & CONTACT_KIND) != 0;
			return (this.kinds[index] & (TITLE_KIND | ORGANISATION_KIND)) != 0 && (signersDetail || contact)
					&& evidence >= 2;
		}

		/**
		 * Whether only a signature's kind of lines follow, with at most a few sentences.
		 */
		private boolean signatureBelow(int from, int sentences) {
			return this.numberedFrom[from] == 0 && this.postscriptFrom[from] == 0
					&& this.plainTextFrom[from] <= TAIL_LINES && this.proseFrom[from] <= sentences;
		}

		private boolean weakWithName(String line) {
			Matcher matcher = WEAK_WITH_NAME.matcher(line);
			return matcher.matches()
					&& (isCapitalisedName(matcher.group(1)) || isSignersName(matcher.group(1), this.signer));
		}

		/** "Tack!" or "Thanks," with a name on the next line. */
		private boolean weakThenName(int index) {
			if (!WEAK_LINE.matcher(this.lines.get(index)).matches()) {
				return false;
			}
			int next = index + 1;
			while (next < this.end && this.blank[next]) {
				next++;
			}
			if (next >= this.end) {
				return false;
			}
			String name = nameHead(this.lines.get(next));
			return isSignersName(name, this.signer) || isCapitalisedName(name)
					|| SLASH_NAME.matcher(this.lines.get(next)).matches();
		}

		/** A dash line that is an item of a list rather than a name. */
		private boolean inList(int index) {
			int previous = index - 1;
			while (previous >= 0 && this.blank[previous]) {
				previous--;
			}
			if (previous >= 0 && (BULLET.matcher(this.lines.get(previous)).matches()
					|| this.lines.get(previous).strip().endsWith(":"))) {
				return true;
			}
			int next = index + 1;
			while (next < this.end && this.blank[next]) {
				next++;
			}
			return next < this.end && BULLET.matcher(this.lines.get(next)).matches();
		}

		private boolean isSignersRole(String line) {
			return startsASegment(line, this.signer.role());
		}

		private boolean isSignersOrganisation(String line) {
			return startsASegment(line, this.signer.organisation());
		}

		/**
		 * Whether a part of the line, between separators, starts with the value: "HR-chef
		 * | Degerfors kommun" has both; "Vi saknar socialsekreterare" has neither.
		 */
		private static boolean startsASegment(String line, String value) {
			if (value == null) {
				return false;
			}
			String wanted = Signer.plain(value);
			for (String segment : Signer.plain(line).split("[,|•·–—/]|\\s-\\s")) {
				String part = segment.strip();
				if (part.equals(wanted) || part.startsWith(wanted + " ")) {
					return true;
				}
			}
			return false;
		}

	}

	/** The part of a line before a separator: "Anna Berg" of "Anna Berg, Socialchef". */
	private static String nameHead(String line) {
		String stripped = line.strip().replaceFirst("^[/\\-–—~]+\\s*", "");
		return NAME_HEAD_END.matcher(stripped).replaceFirst("").replaceAll("[.,!]+$", "").strip();
	}

}
