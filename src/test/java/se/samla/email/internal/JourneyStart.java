package se.samla.email.internal;

import com.icegreen.greenmail.base.GreenMailOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state every email journey test starts from: the mail server delivers plus-addressed
 * replies to Samla's mailbox, nothing of the intake is left from an earlier test, and the
 * send-outs of earlier tests in the same context are closed, so that they send no
 * reminders of their own.
 */
final class JourneyStart {

	private JourneyStart() {
	}

	static void fresh(GreenMailOperations mail, JdbcClient jdbc) {
		mail.getUserManager().setMessageDeliveryHandler(new PlusAddressing(mail.getUserManager()));
		jdbc.sql("DELETE FROM imap_state").update();
		jdbc.sql("DELETE FROM email_review_decision").update();
		jdbc.sql("DELETE FROM email_inbound").update();
		jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
	}

}
