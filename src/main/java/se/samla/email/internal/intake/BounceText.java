package se.samla.email.internal.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads from the words of a bounce whether the failure is permanent, as MTAs and people
 * write them: RFC 3463 codes where present, and where not the reply codes and phrases of
 * a failed delivery ("550 user unknown", "no such user", "mailbox unavailable",
 * "Recipient address rejected", "okänd mottagare", "Benutzer unbekannt", "utilisateur
 * inconnu"). A bounce is a final failure unless its own evidence says it is temporary (a
 * delay notice, "will retry", a 4.x.x code that is the failure's own code): a 4.x.x code
 * that is merely mentioned elsewhere (an Exim version in a Received line, an earlier
 * deferral) does not make a final failure temporary.
 * <p>
 * The bounce's own text (the notice and its delivery report) is read first; the returned
 * message only when the notice says nothing, because its headers are full of numbers that
 * look like status codes.
 */
final class BounceText {

	/** An RFC 3463 enhanced status code. */
	private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.\\d{1,3}\\.\\d{1,3}(?!\\d|\\.\\d)");

	/**
	 * An SMTP reply code where a diagnostic puts one: "said: 550", "'550", "smtp; 550".
	 */
	private static final Pattern BASIC = Pattern.compile(
			"(?:^|[;'\"(#<>\\[]|:\\s|\\bsaid|\\breturned|\\berror|\\breplied|\\bresponse|\\breply)\\s*([45])\\d\\d(?=[\\s\\-.,)'\"\\]]|$)",
			Pattern.CASE_INSENSITIVE);

	/** Words before a number that make it a version, not a status. */
	private static final Pattern VERSION_BEFORE = Pattern.compile(
			"(?:exim|postfix|sendmail|qmail|domino|notes|groupwise|exchange|zimbra|kerio|mdaemon|version|ver\\.?|release|build|rev\\.?|v)\\s*$",
			Pattern.CASE_INSENSITIVE);

	/** Header-like lines whose numbers are never a delivery status. */
	private static final Pattern OTHER_HEADER = Pattern.compile(
			"^\\s*(?:received|x-[\\w-]+|reporting-mta|received-from-mta|remote-mta|arrival-date|last-attempt-date|"
					+ "will-retry-until|date|message-id|dkim-signature|arc-[\\w-]+|authentication-results|user-agent|"
					+ "mime-version|content-[\\w-]+|return-path|references|in-reply-to)\\s*:",
			Pattern.CASE_INSENSITIVE);

	/** A notice that delivery is only delayed and will be tried again. */
	private static final Pattern DELAY = words("will (?:be )?retr(?:y|ied)",
			"will (?:keep|continue) (?:on )?(?:trying|to try|attempting|retrying)",
			"will (?:try|attempt) (?:again|to deliver|delivery)", "still (?:trying|being retried|be retried)",
			"warning message only", "do(?:es)? not need to resend", "no need to resend",
			"not (?:yet )?been delivered yet", "has not yet been delivered", "has not been delivered yet",
			"hasn't been delivered yet", "(?:has )?been delayed", "(?:this is a )?warning only",
			"no action is required", "delivery attempts will continue", "warning may be repeated",
			"(?:delivery|message|mail|e-?mail)(?: has been| is| was)? delayed", "delayed mail", "delivery delay",
			"status notification \\(delay\\)", "action: ?delayed", "delivery (?:is )?pending", "försenad", "fördröjd",
			"kommer att försöka (?:igen|leverera)", "försöker (?:igen|fortfarande)", "nya försök", "verzögert",
			"wird (?:weiterhin |erneut )?(?:versucht|wiederholt)", "noch nicht zugestellt", "erneut versuchen",
			"retardée?", "différée?", "nouvelles? tentatives?", "va réessayer", "pas encore été (?:remis|distribué)");

	/** What a delay notice never says: delivery was given up. */
	private static final Pattern GIVEN_UP = words("will not (?:be )?retr", "won't (?:be )?retr", "not be retried",
			"no (?:more|further) (?:attempts|retries|delivery attempts)", "gave up", "giving up", "given up",
			"retry timeout exceeded", "failed permanently", "permanent (?:error|failure)");

	/**
	 * A specific, permanent reason: the address, mailbox or domain does not take mail.
	 */
	private static final Pattern PERMANENT = words("user unknown", "unknown user",
			"unknown (?:local[- ]?part|recipient|address|mailbox|account|alias)",
			"(?:recipient|addressee|user|mailbox|address) unknown",
			"no such (?:user|mailbox|recipient|address|account|domain|person|local user|host)",
			"(?:does not|doesn't|did not|didn't) exist",
			"(?:is )?not a valid (?:mailbox|recipient|user|address|e-?mail)", "mailbox (?:is )?unavailable",
			"mailbox (?:is )?not (?:found|available)",
			"mailbox (?:is |has been )?(?:disabled|removed|deleted|closed|deactivated)", "no mailbox here by that name",
			"(?:recipient|address)(?: address)? rejected",
			"recipient (?:is )?(?:invalid|not valid|not found|not accepted)",
			"invalid (?:recipient|address|mailbox|user|e-?mail address)", "unknown recipient",
			"account (?:is |has been )?(?:disabled|deactivated|suspended|closed|expired|inactive|locked|terminated|deleted|removed)",
			"(?:user|recipient|mailbox|account) (?:is )?(?:disabled|deactivated|inactive)",
			"(?:address|user|recipient|mailbox|account) (?:was )?not found",
			"(?:couldn't|could not|cannot|can't) be found",
			"not listed in (?:the )?(?:domino |public )*(?:directory|name and address book|address book)",
			"unroute?able", "host (?:or domain name )?not found", "host unknown", "unknown host",
			"domain (?:not found|unknown|name not found)", "name or service not known", "no mx (?:record|host)",
			"nxdomain", "relay(?:ing)? (?:access )?(?:denied|not permitted|prohibited)", "not permitted to relay",
			"(?:doesn't|does not) have an? [\\w.-]+ account",
			"no longer (?:active|valid|in use|available|employed|works? here|with)", "not our customer",
			"(?:fatal|permanent) (?:error|failure|delivery)", "failed permanently",
			"permanently (?:rejected|failed|undeliverable)",
			"(?<!temporarily )(?<!temporary )(?:message|mail|e-?mail) (?:was |has been )?(?:rejected|refused|blocked)",
			// Swedish
			"(?:mottagaren|adressen|användaren|postlådan|brevlådan|e-?postadressen|kontot)(?: [\\wåäö.@-]+){0,4} (?:finns inte|hittades inte|saknas|är okänd|är inaktiverad|har inaktiverats|har tagits bort|är inte tillgänglig|kunde inte hittas|är ogiltig)",
			"okänd (?:mottagare|användare|adress|e-?postadress)", "finns inte", "hittades inte", "kunde inte hittas",
			"ogiltig (?:mottagare|adress|e-?postadress)", "permanent(?:a)? fel",
			// German
			"unbekannt", "existiert nicht", "gibt es nicht", "nicht gefunden",
			"ungültige? (?:empfänger|adresse|e-?mail-adresse)", "empfänger(?:adresse)? (?:abgelehnt|unbekannt)",
			"postfach (?:ist )?(?:nicht (?:vorhanden|verfügbar)|deaktiviert|gesperrt)",
			"konto (?:ist )?(?:deaktiviert|gesperrt)", "dauerhaft(?:er)? fehler", "permanenter fehler",
			// French
			"utilisateur inconnu", "destinataire inconnu", "adresse (?:introuvable|inconnue|invalide)", "n'existe pas",
			"n’existe pas", "introuvable",
			"boîte (?:aux lettres|de réception) (?:introuvable|inexistante|indisponible|désactivée)",
			"compte (?:désactivé|supprimé|inexistant)", "erreur permanente", "échec permanent", "définitivement");

	/** Words that say the problem is passing. */
	private static final Pattern TEMPORARY = words("temporar(?:y|ily)", "try again later", "deferred",
			"greylist(?:ed|ing)?", "graylist(?:ed|ing)?", "tillfällig(?:t|a)?", "vorübergehend", "temporaire(?:ment)?");

	/** That delivery failed at all. */
	private static final Pattern FAILED = words(
			"(?:could not|couldn't|cannot|can't|was not|wasn't|has not been|not) (?:be )?delivered", "undeliverable",
			"undelivered", "non-?deliver(?:y|able)", "delivery (?:has )?failed", "delivery failure",
			"delivery to the following recipients? failed", "failed recipient",
			"following address(?:es)? (?:had|failed)", "returned mail", "unable to deliver", "not be delivered",
			"failure notice", "rejected", "error", "failed", "kunde inte levereras", "olevererbar", "inte levererats",
			"gick inte att leverera", "leveransen misslyckades", "leverans misslyckades", "nicht zugestellt",
			"unzustellbar", "zustellung fehlgeschlagen", "non remis", "n'a pas pu être (?:remis|distribué)",
			"échec de (?:la )?(?:remise|distribution)", "impossible de remettre");

	/** Where a plain-text bounce starts to quote the returned message. */
	private static final Pattern RETURNED_START = Pattern.compile("^[\\s\\-=*_>]*(?:"
			+ "(?:this is a )?copy of (?:the|your) (?:original )?message|below this line is a copy|original message(?: headers)?\\s*:?"
			+ "|returned message|undelivered message|original message follows|message headers follow|headers of the original"
			+ "|ursprungligt meddelande|originalmeddelande|originalnachricht|message d'origine|message original"
			+ ")[^\\n]{0,60}$|^(?:received|return-path|dkim-signature|message-id):",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private BounceText() {
	}

	/**
	 * What the bounce's words say.
	 *
	 * @param permanent whether the failure is final
	 * @param status the failure's own enhanced status code, or {@code null}
	 */
	record Verdict(boolean permanent, String status) {
	}

	/**
	 * @param subject the bounce's subject, or {@code null}
	 * @param notice the bounce's own text: its human-readable part and delivery report
	 * @param returned the returned message or its headers, {@code ""} when none
	 * @return the verdict
	 */
	static Verdict read(String subject, String notice, String returned) {
		String[] split = splitReturned(notice);
		String own = split[0];
		String quoted = split[1] + "\n" + returned;
		String subjectText = (subject != null) ? subject : "";
		Verdict verdict = judge(subjectText + "\n" + own, true);
		if (verdict != null) {
			return verdict;
		}
		// the notice says nothing specific: a forwarded bounce carries it in the message
		verdict = judge(quoted, false);
		if (verdict != null) {
			return verdict;
		}
		return new Verdict(FAILED.matcher(normalise(subjectText + "\n" + own)).find(), null);
	}

	/** The notice before a pasted copy of the returned message, and the copy. */
	static String[] splitReturned(String notice) {
		Matcher start = RETURNED_START.matcher(notice);
		if (start.find() && start.start() > 0) {
			return new String[] { notice.substring(0, start.start()), notice.substring(start.start()) };
		}
		return new String[] { notice, "" };
	}

	private static Verdict judge(String text, boolean own) {
		String flat = normalise(text);
		List<Code> codes = codes(text, own);
		if (own && DELAY.matcher(flat).find() && !GIVEN_UP.matcher(flat).find()
				&& codes.stream().noneMatch(code -> code.permanent() && code.enhanced() != null && code.status())) {
			return new Verdict(false, firstEnhanced(codes, false));
		}
		Code statusField = codes.stream().filter(Code::status).findFirst().orElse(null);
		if (statusField != null) {
			return new Verdict(statusField.permanent(), statusField.enhanced());
		}
		if (codes.stream().anyMatch(Code::permanent)) {
			return new Verdict(true, firstEnhanced(codes, true));
		}
		boolean temporaryCode = !codes.isEmpty();
		if (temporaryCode) {
			// a specific reason in a paragraph without the 4.x.x code means that code is
			// not
			// the failure's own
			for (String paragraph : text.split("\\R\\s*\\R")) {
				if (PERMANENT.matcher(normalise(paragraph)).find() && codes(paragraph, own).isEmpty()) {
					return new Verdict(true, null);
				}
			}
			return new Verdict(false, firstEnhanced(codes, false));
		}
		if (PERMANENT.matcher(flat).find()) {
			return new Verdict(true, null);
		}
		if (own && TEMPORARY.matcher(flat).find()) {
			return new Verdict(false, null);
		}
		return null;
	}

	/**
	 * The status and reply codes in diagnostic places. In the returned message only reply
	 * codes with an enhanced code next to them count ("550 5.1.1"), since its headers are
	 * full of numbers.
	 */
	private static List<Code> codes(String text, boolean own) {
		List<Code> codes = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (OTHER_HEADER.matcher(line).find()) {
				continue;
			}
			boolean statusLine = line.trim().toLowerCase(Locale.ROOT).startsWith("status:");
			Matcher enhanced = ENHANCED.matcher(line);
			while (enhanced.find()) {
				String before = line.substring(Math.max(0, enhanced.start() - 20), enhanced.start());
				if (VERSION_BEFORE.matcher(before).find()) {
					continue;
				}
				boolean withReply = before.matches("(?s).*\\b[245]\\d\\d[\\s\\-]#?\\s*$") || before.endsWith("#");
				if (own || withReply) {
					codes.add(new Code(enhanced.group(1).equals("5"), enhanced.group(), statusLine));
				}
			}
			if (!own) {
				continue;
			}
			Matcher basic = BASIC.matcher(line);
			while (basic.find()) {
				codes.add(new Code(basic.group(1).equals("5"), null, false));
			}
		}
		return codes;
	}

	private static String firstEnhanced(List<Code> codes, boolean permanent) {
		return codes.stream()
			.filter(code -> code.enhanced() != null && code.permanent() == permanent)
			.map(Code::enhanced)
			.findFirst()
			.orElse(null);
	}

	private static String normalise(String text) {
		return text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
	}

	private static Pattern words(String... alternatives) {
		return Pattern.compile("(?<![\\p{L}\\d])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\d])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/**
	 * One code found.
	 *
	 * @param permanent class 5
	 * @param enhanced the enhanced code, or {@code null} for a bare reply code
	 * @param status found on a {@code Status:} line, the failure's own code by definition
	 */
	private record Code(boolean permanent, String enhanced, boolean status) {
	}

}
