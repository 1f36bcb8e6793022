package se.samla.digests;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the digests.
 *
 * @param themes the keyword lists that tag free-text answers with the development areas
 * (kept beside the questionnaires)
 */
@ConfigurationProperties("samla.digests")
public record DigestProperties(@DefaultValue("./conversations/themes.yml") Path themes) {
}
