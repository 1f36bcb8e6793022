package se.samla.email.internal.intake;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTests {

	@Test
	void newTokensAreSixteenLowercaseBase32CharactersAndDiffer() {
		SecureRandom random = new SecureRandom();
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = Tokens.newToken(random);
			assertThat(token).hasSize(16).matches("[a-z2-7]{16}");
			assertThat(Tokens.isWellFormed(token)).isTrue();
			tokens.add(token);
		}
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void encodesAllEightyBitsAsRfc4648Base32() {
		SecureRandom zeros = new SecureRandom() {
			@Override
			public void nextBytes(byte[] bytes) {
				for (int i = 0; i < bytes.length; i++) {
					bytes[i] = (byte) 0xff;
				}
			}
		};
		assertThat(Tokens.newToken(zeros)).isEqualTo("7777777777777777");
	}

	@Test
	void rejectsWrongLengthCaseAndAlphabet() {
		assertThat(Tokens.isWellFormed("abcdefghijklmnop")).isTrue();
		assertThat(Tokens.isWellFormed(null)).isFalse();
		assertThat(Tokens.isWellFormed("abcdefghijklmno")).isFalse();
		assertThat(Tokens.isWellFormed("abcdefghijklmnopq")).isFalse();
		assertThat(Tokens.isWellFormed("ABCDEFGHIJKLMNOP")).isFalse();
		assertThat(Tokens.isWellFormed("abcdefghijklmno1")).isFalse();
		assertThat(Tokens.isWellFormed("abcdefghijklmno8")).isFalse();
		assertThat(Tokens.isWellFormed("abcdefghijklmno=")).isFalse();
	}

}
