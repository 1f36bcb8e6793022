package se.samla.answers;

/** Thrown when a response, or the send-out it would belong to, does not exist. */
public class ResponseNotFoundException extends RuntimeException {

	public ResponseNotFoundException(String message) {
		super(message);
	}

}
