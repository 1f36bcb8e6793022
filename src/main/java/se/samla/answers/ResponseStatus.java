package se.samla.answers;

/** Where a response stands. */
public enum ResponseStatus {

	/** Started, not yet submitted. */
	IN_PROGRESS,
	/** Submitted; answers may still be changed until the deadline. */
	SUBMITTED

}
