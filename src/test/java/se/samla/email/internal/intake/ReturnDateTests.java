package se.samla.email.internal.intake;

import java.time.LocalDate;

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

}
