package se.samla.answers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the response engine, bound from {@code samla.answers.*}.
 *
 * @param retention how long after a send-out's deadline its answers keep their free text;
 * {@code null} (the default) keeps them for good
 */
@ConfigurationProperties("samla.answers")
public record AnswersProperties(Duration retention) {

	public AnswersProperties {
		if (retention != null && (retention.isNegative() || retention.isZero())) {
			throw new IllegalArgumentException("samla.answers.retention must be positive, not " + retention);
		}
	}

}
