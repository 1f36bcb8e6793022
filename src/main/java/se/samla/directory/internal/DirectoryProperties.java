package se.samla.directory.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory.
 *
 * @param seedLocation a folder with {@code organisations.csv}, {@code people.csv} and
 * {@code activities.csv}, imported at start-up while the directory holds no people; a
 * missing folder is skipped
 */
@ConfigurationProperties("samla.directory")
public record DirectoryProperties(Path seedLocation) {
}
