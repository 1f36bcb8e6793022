package se.samla.email.internal;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;

/**
 * Plus addressing for the local mail server, as Exchange Online and Gmail do it: mail to
 * {@code enkat+TOKEN@domain} lands in the mailbox of {@code enkat@domain}. Unknown
 * recipients get a mailbox on first delivery (user and password: the address).
 */
public final class PlusAddressing implements MessageDeliveryHandler {

	private final UserManager users;

	public PlusAddressing(UserManager users) {
		this.users = users;
	}

	@Override
	public GreenMailUser handle(MovingMessage message, MailAddress address) throws UserException {
		String email = address.getEmail();
		int plus = email.indexOf('+');
		int at = email.indexOf('@');
		if (plus > 0 && at > plus) {
			email = email.substring(0, plus) + email.substring(at);
		}
		GreenMailUser user = this.users.getUserByEmail(email);
		return (user != null) ? user : this.users.createUser(email, email, email);
	}

}
