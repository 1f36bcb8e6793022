package se.samla.campaigns;

/** Where a send-out stands at a given moment. */
public enum SendOutState {

	/** Not yet open: nothing has been sent and answers are not accepted. */
	SCHEDULED,
	/** Open: answers are accepted until the deadline. */
	OPEN,
	/** Paused by an operator: answers are accepted, but nothing is sent. */
	PAUSED,
	/** Past the deadline or closed early by an operator. */
	CLOSED,
	/**
	 * Defined but not enabled ({@code enabled: false} in its file): nothing is sent. The
	 * real send-outs shipped with Samla are examples in this state.
	 */
	DISABLED

}
