package se.samla.campaigns;

import se.samla.shared.SendOutId;

/** Thrown when an operation names a send-out Samla does not know. */
public class UnknownSendOutException extends RuntimeException {

	private final SendOutId id;

	public UnknownSendOutException(SendOutId id) {
		super("no send-out " + id);
		this.id = id;
	}

	/** The send-out asked for. */
	public SendOutId id() {
		return this.id;
	}

}
