package se.samla.email.internal.intake;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnDateTests {

	private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

	@Test
	void readsSwedishReturnDays() {
		assertThat(ReturnDate.find("Jag är åter den 7 januari.", DECEMBER)).contains(LocalDate.of(2027, 1, 7));
		assertThat(
				ReturnDate.find("Jag är på semester till och med den 4 januari och läser inte min e-post.", DECEMBER))
			.contains(LocalDate.of(2027, 1, 4));
		assertThat(ReturnDate.find("Tillbaka på kontoret måndagen den 14 december", DECEMBER))
			.contains(LocalDate.of(2026, 12, 14));
		assertThat(ReturnDate.find("Åter 7/1. Vid brådskande ärenden ring 0582-123 00", DECEMBER))
			.contains(LocalDate.of(2027, 1, 7));
		assertThat(ReturnDate.find("Frånvarande, tillbaka 2027-01-11", DECEMBER)).contains(LocalDate.of(2027, 1, 11));
	}

	@Test
	void readsEnglishReturnDays() {
		assertThat(ReturnDate.find("I will be back on 12 January.", DECEMBER)).contains(LocalDate.of(2027, 1, 12));
		assertThat(ReturnDate.find("Away until 7 January", DECEMBER)).contains(LocalDate.of(2027, 1, 7));
		assertThat(ReturnDate.find("Out of the office until January 7th, 2027", DECEMBER))
			.contains(LocalDate.of(2027, 1, 7));
		assertThat(ReturnDate.find("I return on Monday, December 14", DECEMBER)).contains(LocalDate.of(2026, 12, 14));
	}

	@Test
	void findsNoDayWhereNoneIsStatedAfterAReturnPhrase() {
		assertThat(ReturnDate.find("Tack för ditt mejl. Jag är på semester. Skickat 1 december.", DECEMBER)).isEmpty();
		assertThat(ReturnDate.find("I am out of the office with limited access to email.", DECEMBER)).isEmpty();
		assertThat(ReturnDate.find("Back on 31 February", DECEMBER)).isEmpty();
		assertThat(ReturnDate.find(null, DECEMBER)).isEmpty();
	}

	@Test
	void readsWeekdaysAndTomorrowRelativeToTheDayTheNoticeWasWritten() {
		// 1 December 2026 is a Tuesday
		assertThat(ReturnDate.find("Jag är tillbaka på måndag.", DECEMBER)).contains(LocalDate.of(2026, 12, 7));
		assertThat(ReturnDate.find("Back Tuesday", DECEMBER)).contains(LocalDate.of(2026, 12, 8));
		assertThat(ReturnDate.find("Ledig till och med fredag.", DECEMBER)).contains(LocalDate.of(2026, 12, 4));
		assertThat(ReturnDate.find("Jag är på kurs och åter i morgon.", DECEMBER)).contains(LocalDate.of(2026, 12, 2));
		assertThat(ReturnDate.find("Out today, back tomorrow.", DECEMBER)).contains(LocalDate.of(2026, 12, 2));
	}

	@Test
	void readsWeekNumbersAsTheMondayBackOrTheLastFridayAway() {
		assertThat(ReturnDate.find("Åter v. 2", DECEMBER)).contains(LocalDate.of(2027, 1, 11));
		assertThat(ReturnDate.find("Jag är tillbaka vecka 51", DECEMBER)).contains(LocalDate.of(2026, 12, 14));
		assertThat(ReturnDate.find("Semester v. 28–31", DECEMBER)).contains(LocalDate.of(2027, 8, 6));
	}

	@Test
	void readsTheEndOfAPeriod() {
		assertThat(ReturnDate.find("Jag är på semester 20 december–6 januari.", DECEMBER))
			.contains(LocalDate.of(2027, 1, 6));
		assertThat(ReturnDate.find("Ledig 23/12 - 6/1", DECEMBER)).contains(LocalDate.of(2027, 1, 6));
		assertThat(ReturnDate.find("I will be taking vacation from Friday 9 July through 31 July.", DECEMBER))
			.contains(LocalDate.of(2027, 7, 31));
		assertThat(ReturnDate.find("Ledig 1–9 augusti", DECEMBER)).contains(LocalDate.of(2027, 8, 9));
		assertThat(ReturnDate.find("Ledig till och med 06.01.2027", DECEMBER)).contains(LocalDate.of(2027, 1, 6));
	}

	@Test
	void prefersTheDaySomeoneIsBackOverTheEndOfTheirPeriod() {
		assertThat(ReturnDate.find("Semester vecka 50-52, tillbaka måndag 4 januari", DECEMBER))
			.contains(LocalDate.of(2027, 1, 4));
		assertThat(ReturnDate.find("Out of the office from 21 December to 1 January and back on the 7th of January",
				DECEMBER))
			.contains(LocalDate.of(2027, 1, 7));
	}

	@Test
	void readsTheDayRelativeToTheNoticesOwnDate() {
		MimeMessage notice = Mails.parse("""
				From: Anna Berg <anna.berg@kumla.example.org>
				To: enkat+abcdefghijklmnop@samla.example.org
				Subject: SV: Kartläggning
				Date: Mon, 21 Dec 2026 08:00:00 +0100
				Content-Type: text/plain; charset=utf-8

				Jag är ledig och åter på måndag.
				""");
		assertThat(ReturnDate.stated(notice, ZoneId.of("Europe/Stockholm"), LocalDate.of(2026, 12, 23)))
			.contains(LocalDate.of(2026, 12, 28));
	}

	@Test
	void ignoresDatesInTheQuotedInvitation() {
		MimeMessage notice = Mails.parse("""
				From: Anna Berg <anna.berg@kumla.example.org>
				To: enkat+abcdefghijklmnop@samla.example.org
				Subject: SV: Kartläggning
				Content-Type: text/plain; charset=utf-8

				Jag är på semester.

				> Svara gärna till och med den 18 december.
				""");
		assertThat(ReturnDate.stated(notice, ZoneId.of("Europe/Stockholm"), DECEMBER)).isEmpty();
	}

}
