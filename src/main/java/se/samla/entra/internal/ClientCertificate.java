package se.samla.entra.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registration's certificate and private key, and the client assertion it signs: a JWT
 * as Microsoft's identity platform asks for it (PS256, the certificate's SHA-256
 * thumbprint in {@code x5t#S256}; audience the token endpoint; issuer and subject the app
 * id; a fresh {@code jti}; valid for ten minutes).
 */
final class ClientCertificate {

	private static final Pattern PEM = Pattern
		.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private static final long LIFETIME_SECONDS = 600;

	private final X509Certificate certificate;

	private final PrivateKey key;

	private final String thumbprintSha256;

	private final String thumbprintSha1;

	ClientCertificate(X509Certificate certificate, PrivateKey key) {
		if (!(key instanceof RSAPrivateKey)) {
			throw new IllegalArgumentException("the private key is not an RSA key: Entra takes RSA certificates");
		}
		this.certificate = certificate;
		this.key = key;
		try {
			byte[] der = certificate.getEncoded();
			this.thumbprintSha256 = base64Url(MessageDigest.getInstance("SHA-256").digest(der));
			this.thumbprintSha1 = base64Url(MessageDigest.getInstance("SHA-1").digest(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads a PEM file (certificate and PKCS#8 private key) or a PKCS#12 file. Every
	 * problem names the file and what is wrong with it.
	 */
	static ClientCertificate read(Path file, String password) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(file + ": cannot read the certificate file (" + ex.getMessage() + ")");
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		try {
			if (name.endsWith(".p12") || name.endsWith(".pfx")) {
				return fromPkcs12(bytes, password);
			}
			return fromPem(new String(bytes, StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException | IOException | IllegalArgumentException ex) {
			throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
		}
	}

	private static ClientCertificate fromPem(String text) throws GeneralSecurityException {
		X509Certificate certificate = null;
		PrivateKey key = null;
		Matcher block = PEM.matcher(text);
		while (block.find()) {
			byte[] der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
			switch (block.group(1)) {
				case "CERTIFICATE" -> {
					if (certificate == null) {
						certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
							.generateCertificate(new ByteArrayInputStream(der));
					}
				}
				case "PRIVATE KEY" -> key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
				case "RSA PRIVATE KEY" ->
					throw new IllegalArgumentException("the private key is in the old PKCS#1 form; convert it with"
							+ " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`");
				case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
						"the private key is encrypted; give a PKCS#12 file with its password instead");
				default -> {
					// other blocks (a chain's intermediate certificates, parameters) are
					// not needed
				}
			}
		}
		if (certificate == null) {
			throw new IllegalArgumentException("no CERTIFICATE block in the PEM file");
		}
		if (key == null) {
			throw new IllegalArgumentException("no PRIVATE KEY block in the PEM file");
		}
		return new ClientCertificate(certificate, key);
	}

	private static ClientCertificate fromPkcs12(byte[] bytes, String password)
			throws GeneralSecurityException, IOException {
		char[] secret = (password != null) ? password.toCharArray() : new char[0];
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			store.load(in, secret);
		}
		for (String alias : Collections.list(store.aliases())) {
			if (store.isKeyEntry(alias)) {
				PrivateKey key = (PrivateKey) store.getKey(alias, secret);
				return new ClientCertificate((X509Certificate) store.getCertificate(alias), key);
			}
		}
		throw new IllegalArgumentException("no private key in the PKCS#12 file");
	}

	/** The client assertion for a token request to {@code audience} by {@code appId}. */
	String assertion(String audience, String appId, Instant now) {
		String header = "{\"alg\":\"PS256\",\"typ\":\"JWT\",\"x5t#S256\":\"" + this.thumbprintSha256 + "\",\"x5t\":\""
				+ this.thumbprintSha1 + "\"}";
		long issued = now.getEpochSecond();
		String claims = "{\"aud\":\"" + json(audience) + "\",\"iss\":\"" + json(appId) + "\",\"sub\":\"" + json(appId)
				+ "\",\"jti\":\"" + UUID.randomUUID() + "\",\"nbf\":" + issued + ",\"iat\":" + issued + ",\"exp\":"
				+ (issued + LIFETIME_SECONDS) + "}";
		String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64Url(claims.getBytes(StandardCharsets.UTF_8));
		try {
			Signature signature = Signature.getInstance("RSASSA-PSS");
			signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
			signature.initSign(this.key);
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + base64Url(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot sign the client assertion: " + ex.getMessage(), ex);
		}
	}

	X509Certificate certificate() {
		return this.certificate;
	}

	private static String json(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
