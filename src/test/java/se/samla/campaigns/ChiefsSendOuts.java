package se.samla.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import se.samla.directory.Network;
import se.samla.shared.SendOutId;
import se.samla.support.Stockholm;
import se.samla.surveys.QuestionnaireId;

/**
 * Test send-outs of {@code steg2} to both chiefs' networks, open since an hour before the
 * given moment for thirty days, each under a fresh id; and closing every send-out a test
 * did not make, so that a dispatcher run touches only the test's own.
 */
final class ChiefsSendOuts {

	private ChiefsSendOuts() {
	}

	static SendOutId openNow(SendOuts sendOuts, Instant now, String prefix) {
		SendOutId id = new SendOutId(prefix + "-" + System.nanoTime());
		sendOuts.define(new SendOut(id, "Test", new QuestionnaireId("steg2"),
				new Audience(Set.of(Network.SOCIALCHEFSNATVERKET, Network.HR_CHEFSNATVERKET), Set.of(), List.of(),
						false),
				now.minusSeconds(3600), now.plusSeconds(30 * 86400), null, null, "test",
				SendOutRules.defaults(Stockholm.ZONE), null));
		return id;
	}

	static void closeAllOpen(SendOuts sendOuts, SendOutOperations operations) {
		sendOuts.all()
			.stream()
			.filter(sendOut -> sendOut.closedAt() == null)
			.forEach(sendOut -> operations.close(sendOut.id()));
	}

}
