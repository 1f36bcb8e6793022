package se.samla.surveys.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the surveys module.
 *
 * @param location the directory holding the questionnaire files ({@code *.yml})
 */
@ConfigurationProperties("samla.surveys")
public record SurveysProperties(@DefaultValue("./conversations") Path location) {
}
