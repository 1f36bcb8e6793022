package se.samla.campaigns;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the campaigns module.
 *
 * @param location the directory holding the send-out definitions ({@code scheduler/})
 * @param zone the time zone that opening times and deadlines are written in
 */
@ConfigurationProperties("samla.campaigns")
public record CampaignProperties(@DefaultValue("./scheduler") Path location,
		@DefaultValue("Europe/Stockholm") ZoneId zone) {
}
