package se.samla.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import se.samla.ops.OperatorTokenRequirement.OperatorTokenRequiredException;

/**
 * Says in one line why Samla did not start when it would have listened beyond this
 * machine without an operator token, and the two ways out.
 */
class OperatorTokenFailureAnalyzer extends AbstractFailureAnalyzer<OperatorTokenRequiredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OperatorTokenRequiredException cause) {
		return new FailureAnalysis(cause.getMessage() + ": the operator endpoints would be open to anyone.",
				"Set SAMLA_OPERATOR_TOKEN (required when SAMLA_BIND_ADDRESS is not a loopback address, e.g."
						+ " behind Teams), or bind to this machine only with SAMLA_BIND_ADDRESS=127.0.0.1.",
				cause);
	}

}
