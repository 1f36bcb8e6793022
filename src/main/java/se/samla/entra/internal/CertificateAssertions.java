package se.samla.entra.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import se.samla.entra.ClientAssertions;
import se.samla.entra.Registration;
import se.samla.entra.TokenRefusedException;

/** Registrations' certificates, each read once, and the assertions they sign. */
final class CertificateAssertions implements ClientAssertions {

	private final Clock clock;

	private final Map<String, ClientCertificate> certificates = new ConcurrentHashMap<>();

	CertificateAssertions(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String assertion(Registration registration, String tokenEndpoint) {
		if (registration.certificate() == null) {
			throw new TokenRefusedException(registration, "the registration has a client secret, not a certificate",
					null);
		}
		try {
			return this.certificates
				.computeIfAbsent(registration.certificate(),
						file -> ClientCertificate.read(Path.of(file), registration.certificatePassword()))
				.assertion(tokenEndpoint, registration.appId(), this.clock.instant());
		}
		catch (IllegalArgumentException ex) {
			throw new TokenRefusedException(registration, "the certificate cannot be used: " + ex.getMessage(), ex);
		}
	}

}
