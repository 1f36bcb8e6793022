package se.samla.answers;

import java.util.Optional;

import se.samla.shared.SendOutId;

/**
 * Tells the engine when a send-out accepts answers. Implemented by the module that owns
 * send-outs, so that answers need not depend on scheduling.
 */
public interface ResponseWindows {

	Optional<ResponseWindow> window(SendOutId sendOut);

}
