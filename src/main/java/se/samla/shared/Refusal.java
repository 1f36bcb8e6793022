package se.samla.shared;

import java.util.Arrays;

/**
 * A request refused because of what it names or says, not because something broke. It
 * carries a code of the message bundles and its arguments, so that the HTTP surface can
 * say why in Swedish and in English; its own message (code and arguments) is for logs.
 */
public final class Refusal extends RuntimeException {

	/** Why: what a client must change before asking again. */
	public enum Kind {

		/** The request is malformed or breaks a rule (HTTP 400). */
		INVALID,
		/** It names something that does not exist (HTTP 404). */
		NOT_FOUND,
		/** It does not fit the current state of what it names (HTTP 409). */
		CONFLICT

	}

	private final Kind kind;

	private final String code;

	private final Object[] arguments;

	private Refusal(Kind kind, String code, Object... arguments) {
		// expected, and answered at once: no stack trace to fill in
		super(code + " " + Arrays.toString(arguments), null, false, false);
		this.kind = kind;
		this.code = code;
		this.arguments = arguments.clone();
	}

	public static Refusal invalid(String code, Object... arguments) {
		return new Refusal(Kind.INVALID, code, arguments);
	}

	public static Refusal notFound(String code, Object... arguments) {
		return new Refusal(Kind.NOT_FOUND, code, arguments);
	}

	public static Refusal conflict(String code, Object... arguments) {
		return new Refusal(Kind.CONFLICT, code, arguments);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The message code, in messages.properties (Swedish) and messages_en.properties. */
	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
