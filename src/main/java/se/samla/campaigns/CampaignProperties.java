package se.samla.campaigns;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the campaigns module.
 *
 * @param location the directory holding the send-out definitions ({@code scheduler/})
 * @param zone the time zone that opening times and deadlines are written in
 * @param dispatchInterval how often Quartz runs the dispatcher
 * @param claimLease how long a message claimed for delivery stays claimed; after that an
 * instance that crashed while sending is assumed gone and another instance sends it
 * @param claimRenewal how often a dispatcher renews the claims it holds while it works;
 * unset: a third of the lease
 * @param deliveryLanes how many lanes a dispatch run delivers in at once: messages go
 * into lanes by their first route (Teams: one lane per tenant, as Teams' limits are per
 * tenant; email: one lane), each lane in order, the lanes side by side
 */
@ConfigurationProperties("samla.campaigns")
public record CampaignProperties(@DefaultValue("./scheduler") Path location,
		@DefaultValue("Europe/Stockholm") ZoneId zone, @DefaultValue("30s") Duration dispatchInterval,
		@DefaultValue("5m") Duration claimLease, Duration claimRenewal, @DefaultValue("16") int deliveryLanes) {

	/**
	 * How often held claims are renewed: often enough that a late renewal still counts.
	 */
	public Duration renewalInterval() {
		return (this.claimRenewal != null) ? this.claimRenewal : this.claimLease.dividedBy(3);
	}

}
