package se.samla.campaigns;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import se.samla.campaigns.RecipientFact.AskedToClarify;
import se.samla.campaigns.RecipientFact.NoReplyYet;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.support.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/** The reasons read as sentences: counts in words where a person would write them. */
class RecipientFactTextsTests {

	private static final Instant INVITED = Instant.parse("2026-12-01T08:00:00Z");

	private final RecipientFactTexts texts = new RecipientFactTexts(Bundles.messages(), ZoneId.of("Europe/Stockholm"));

	@Test
	void remindersAreCountedInWordsInSwedishAndEnglish() {
		assertThat(this.texts.describe(new NoReplyYet(INVITED, Channel.EMAIL, 0), Language.SV))
			.isEqualTo("inbjuden 1 december 2026 via e-post, inte påmind, inget svar");
		assertThat(this.texts.describe(new NoReplyYet(INVITED, Channel.EMAIL, 1), Language.SV))
			.contains("påmind en gång,");
		assertThat(this.texts.describe(new NoReplyYet(INVITED, Channel.EMAIL, 3), Language.SV))
			.contains("påmind 3 gånger,");
		assertThat(this.texts.describe(new NoReplyYet(INVITED, Channel.TEAMS, 0), Language.EN))
			.contains("not reminded, no reply");
		assertThat(this.texts.describe(new NoReplyYet(INVITED, Channel.TEAMS, 1), Language.EN))
			.contains("reminded once, no reply");
		assertThat(this.texts.describe(new NoReplyYet(INVITED, Channel.TEAMS, 12), Language.EN))
			.contains("reminded 12 times, no reply");
	}

	@Test
	void requestsToClarifyAreCountedInWords() {
		assertThat(this.texts.describe(new AskedToClarify(INVITED, 1), Language.SV))
			.isEqualTo("svarade otydligt: ombedd att förtydliga en gång, senast 1 december 2026");
		assertThat(this.texts.describe(new AskedToClarify(INVITED, 2), Language.EN))
			.startsWith("replied unclearly: asked to clarify 2 times, last");
	}

}
