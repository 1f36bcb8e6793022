package se.samla.email.internal.intake;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Tells an absence notice by its words when it carries none of the auto-reply headers (an
 * out-of-office set up as a rule, a webmail vacation reply, a notice written by hand):
 * "Jag är på semester till och med den 4 januari", "Jag är föräldraledig, kontakta …", "I
 * will be taking vacation from Friday 10 July through 31 July", "I am out of the office
 * until Monday".
 * <p>
 * The shape, not a word, decides: someone says they are away (first person, or a bare "på
 * semester till …"), says until when or whom to contact or that mail is not read, and
 * says nothing else: no numbered answers, and no sentence that is not about the absence,
 * a greeting, a contact or a signature. So "Vi planerar semesterperioden med vikarier" is
 * an answer, not an absence.
 */
public final class AbsenceNotice {

	/** Longest text still read as a notice; bilingual notices run to about 150 words. */
	private static final int MAX_WORDS = 220;

	/** Most words of other content a notice may carry (a title, an odd phrase). */
	private static final int MAX_OTHER_WORDS = 12;

	private static final String AWAY_SV = "(?:på (?:semester|semestern|tjänsteresa|resa|kurs|konferens|utbildning|"
			+ "föräldraledighet|ledighet)|(?:tjänst|föräldra|studie)?ledig|frånvarande|bortrest|borta|sjukskriven|"
			+ "ute på (?:uppdrag|resa)|inte på (?:kontoret|plats|jobbet)|inte i tjänst|inte tillgänglig|"
			+ "utan (?:tillgång till )?(?:e-?post|mejl|mail|dator))";

	private static final String AWAY_EN = "(?:out of (?:the )?office|away|off|out|on (?:annual |parental |maternity |"
			+ "paternity |sick |study |holiday |vacation )?(?:leave|vacation|holidays?|sabbatical)|travell?ing|"
			+ "on a business trip|at a conference|not in the office|unavailable|off work)";

	/** Someone saying they are away. */
	private static final Pattern AWAY = words(
			"(?:jag|undertecknad)(?: \\S+){0,3} (?:är|befinner mig|kommer att vara|blir) (?:\\S+ ){0,3}" + AWAY_SV,
			"(?:^|[.!:\\n] ?)(?:är|befinner mig) (?:\\S+ ){0,3}" + AWAY_SV,
			"jag (?:har|tar) (?:\\S+ ){0,2}(?:semester|ledigt|ledighet|föräldraledighet|tjänstledighet)",
			"(?:semester|ledig|tjänstledig|föräldraledig|frånvarande|bortrest|föräldraledighet)"
					+ " (?:till och med|t\\.? ?o\\.? ?m\\.?|till|tills|fr\\.? ?o\\.? ?m\\.?|från|mellan|under (?:vecka|v\\.)|"
					+ "v\\.|vecka|veckorna|\\d)",
			"(?:åter|tillbaka|på plats igen)(?: i tjänst| på (?:kontoret|jobbet|plats))? (?:den|på|igen|efter|i morgon|"
					+ "imorgon|v\\.|vecka|\\d|måndag|tisdag|onsdag|torsdag|fredag|januari|februari|mars|april|maj|juni|"
					+ "juli|augusti|september|oktober|november|december)",
			"(?:i am|i'm|i will be|i'll be|i shall be|i am currently|i'm currently|currently) (?:\\S+ ){0,2}" + AWAY_EN,
			"out of (?:the )?office",
			"(?:i am |i'm |i will be |i'll be )?(?:taking|on) (?:some )?(?:vacation|"
					+ "annual leave|parental leave|leave|holidays?|time off)",
			"away (?:until|till|from|through)",
			"(?:i will be |i'll be |i am |i'm )?back (?:in the office )?(?:on|in|at|"
					+ "tomorrow|monday|tuesday|wednesday|thursday|friday)",
			"i (?:will )?return (?:on|to the office)", "returning (?:to the office )?on");

	/** Until when, whom to ask meanwhile, or that mail waits. */
	private static final Pattern PERIOD_OR_CONTACT = words("till och med", "t\\.? ?o\\.? ?m\\.?", "tills vidare",
			"until", "till", "through", "åter", "tillbaka", "back", "return(?:ing)?", "kontakta", "contact",
			"brådskande", "urgent", "vänd dig", "reach", "ring", "call", "läser (?:inte|ej)", "begränsad tillgång",
			"limited access", "no access", "not be checking", "will not be reading", "svarar (?:när|efter|så snart)",
			"respond (?:when|upon|after|as soon)", "reply (?:when|upon|after|as soon)", "get back to you", "återkommer",
			"hänvisar", "ersättare", "vikarie för mig", "in my absence", "under min frånvaro", "v\\. ?\\d", "vecka \\d",
			"week \\d");

	/** Sentences that belong to any notice: greetings, thanks, contacts, sign-offs. */
	private static final Pattern NOTICE_TALK = words("hej", "hejsan", "hi", "hello", "dear", "god dag", "tack",
			"thank(?:s| you)", "med vänlig(?:a)? hälsning(?:ar)?", "vänliga hälsningar", "hälsningar", "mvh", "vh",
			"regards", "best", "cheers", "kontakta", "contact", "ring", "call", "brådskande", "urgent", "e-?post",
			"e-?mail", "mejl", "mail", "växel", "switchboard", "telefon", "phone", "tel", "mobil", "mobile", "vänd dig",
			"please", "vänligen", "meddelande", "message", "svar", "reply", "respond", "återkommer", "automatiskt",
			"automatic", "inkorg", "inbox");

	/** The writer speaking of themselves: "jag", "min"; "I" only in capitals. */
	private static final Pattern FIRST_PERSON = Pattern
		.compile("(?<![\\p{L}])(?:[Jj]ag|[Mm]ig|[Mm]in|[Mm]itt|[Mm]ina|I'm|I'll|I've|I|[Mm]e|[Mm]y)(?![\\p{L}'])");

	private static final Pattern NUMBERED = Pattern
		.compile("(?m)^\\s*(?:fråga|question|q)?\\s*\\d{1,2}\\s*[.):]\\s+\\S");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R");

	private AbsenceNotice() {
	}

	/**
	 * @param subject the message's subject, or {@code null}
	 * @param text the new text of the message, without quoted history
	 * @return whether it is an absence notice and nothing else
	 */
	public static boolean isAbsenceNotice(String subject, String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		String flat = text.replace('’', '\'').replaceAll("[ \\t\\u00a0]+", " ");
		if (flat.split("\\s+").length > MAX_WORDS || countMatches(NUMBERED, flat) >= 2) {
			return false;
		}
		boolean away = AWAY.matcher(flat).find() || (subject != null && AWAY.matcher(subject).find());
		if (!away || !PERIOD_OR_CONTACT.matcher(flat).find()) {
			return false;
		}
		// "Semester till och med augusti gör bemanningen svår" is about staff, not the
		// writer
		if (!FIRST_PERSON.matcher(flat).find() && ReturnDate.find(flat, LocalDate.EPOCH).isEmpty()) {
			return false;
		}
		return otherWords(flat) <= MAX_OTHER_WORDS;
	}

	/**
	 * How many words stand in sentences that are about neither the absence nor contact.
	 */
	private static int otherWords(String text) {
		int other = 0;
		for (String sentence : SENTENCE_END.split(text)) {
			String trimmed = sentence.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			int words = trimmed.split("\\s+").length;
			boolean signatureLine = words <= 5 && !trimmed.matches(".*[.!?]$");
			if (signatureLine || AWAY.matcher(trimmed).find() || PERIOD_OR_CONTACT.matcher(trimmed).find()
					|| NOTICE_TALK.matcher(trimmed).find()) {
				continue;
			}
			other += words;
		}
		return other;
	}

	private static int countMatches(Pattern pattern, String text) {
		return (int) pattern.matcher(text).results().count();
	}

	private static Pattern words(String... alternatives) {
		return Pattern.compile("(?<![\\p{L}\\d])(?:" + String.join("|", alternatives) + ")(?![\\p{L}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
