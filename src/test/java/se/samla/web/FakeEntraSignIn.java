package se.samla.web;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Plays Microsoft Entra ID's sign-in (OpenID Connect, authorization code) for tenants on
 * one WireMock server: each tenant's discovery document, its signing keys (an RSA key
 * generated here), its authorize endpoint (which signs in whoever the test named, and
 * sends the browser back with a code and the state) and its token endpoint (which checks
 * the app's secret, or its client assertion against its certificate, and the PKCE
 * verifier, and answers an ID token carrying the nonce of the authorization request).
 */
final class FakeEntraSignIn implements AutoCloseable {

	private static final String NAME = "fake-entra-sign-in";

	private static final String KEY_ID = "fake-entra-key";

	private final WireMockServer server;

	private final KeyPair keys = generate();

	private final KeyPair stranger = generate();

	private final Map<String, App> apps = new ConcurrentHashMap<>();

	private final Map<String, Pending> codes = new ConcurrentHashMap<>();

	private volatile Account next;

	private volatile Trick trick = Trick.NONE;

	FakeEntraSignIn() {
		this.server = new WireMockServer(options().dynamicPort().bindAddress("localhost").extensions(new Endpoints()));
		this.server.start();
	}

	/** Where tenants live ({@code samla.entra.authority}). */
	String authority() {
		return "http://localhost:" + this.server.port() + "/";
	}

	/**
	 * A tenant with Samla's app: a client secret, or the certificate (a PEM file) whose
	 * assertions it accepts.
	 */
	void addTenant(String tenant, String appId, String secret, Path certificate) {
		this.apps.put(tenant, new App(appId, secret, (certificate != null) ? publicKeyOf(certificate) : null));
		String base = authority() + tenant;
		this.server.stubFor(get(urlPathEqualTo("/" + tenant + "/v2.0/.well-known/openid-configuration")).willReturn(
				okJson("""
						{"issuer":"%1$s/v2.0","authorization_endpoint":"%1$s/oauth2/v2.0/authorize",
						 "token_endpoint":"%1$s/oauth2/v2.0/token","jwks_uri":"%1$s/discovery/v2.0/keys",
						 "response_types_supported":["code","id_token","code id_token"],
						 "subject_types_supported":["pairwise"],"id_token_signing_alg_values_supported":["RS256"],
						 "scopes_supported":["openid","profile","email","offline_access"],
						 "token_endpoint_auth_methods_supported":["client_secret_post","private_key_jwt","client_secret_basic"],
						 "userinfo_endpoint":"%1$s/oidc/userinfo","tenant_region_scope":"EU"}"""
					.formatted(base))));
		RSAPublicKey key = (RSAPublicKey) this.keys.getPublic();
		this.server.stubFor(get(urlPathEqualTo("/" + tenant + "/discovery/v2.0/keys")).willReturn(okJson("""
				{"keys":[{"kty":"RSA","use":"sig","kid":"%s","n":"%s","e":"%s"}]}""".formatted(KEY_ID,
				base64Url(key.getModulus()), base64Url(key.getPublicExponent())))));
		this.server.stubFor(get(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/authorize"))
			.willReturn(aResponse().withTransformers(NAME)));
		this.server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
			.willReturn(aResponse().withTransformers(NAME)));
	}

	/** Who the next sign-in is, and what goes wrong with it. */
	void signsIn(Account account, Trick trick) {
		this.next = account;
		this.trick = trick;
	}

	/** How many codes the token endpoint has redeemed, in all. */
	int redeemed() {
		return (int) this.server.getAllServeEvents()
			.stream()
			.filter(event -> event.getRequest().getUrl().endsWith("/token") && event.getResponse().getStatus() == 200)
			.count();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/**
	 * A person's account in a tenant.
	 *
	 * @param tenant the tenant ({@code tid}, and the issuer's)
	 * @param objectId {@code oid}
	 * @param username {@code preferred_username}
	 */
	record Account(String tenant, String objectId, String username) {
	}

	/** What goes wrong. */
	enum Trick {

		NONE,

		/** Entra refuses: the browser comes back with {@code error=access_denied}. */
		REFUSE,

		/** The ID token is signed by a key not in the tenant's keys. */
		STRANGER_KEY,

		/** The ID token names another tenant than the one asked, in {@code tid} only. */
		OTHER_TID

	}

	private final class Endpoints implements ResponseDefinitionTransformerV2 {

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			LoggedRequest request = event.getRequest();
			String path = request.getUrl().replaceFirst("\\?.*$", "");
			String tenant = path.substring(1, path.indexOf('/', 1));
			return path.endsWith("/authorize") ? authorize(tenant, request) : token(tenant, request);
		}

		private ResponseDefinition authorize(String tenant, LoggedRequest request) {
			String redirect = request.queryParameter("redirect_uri").firstValue();
			String state = request.queryParameter("state").firstValue();
			App app = FakeEntraSignIn.this.apps.get(tenant);
			if (app == null || !app.appId().equals(request.queryParameter("client_id").firstValue())) {
				return json(400, "{\"error\":\"unauthorized_client\"}");
			}
			if (FakeEntraSignIn.this.trick == Trick.REFUSE) {
				return redirect(redirect + "?error=access_denied&error_description="
						+ encode("AADSTS65004: User declined to consent to access the app.") + "&state="
						+ encode(state));
			}
			String code = UUID.randomUUID().toString();
			FakeEntraSignIn.this.codes.put(code,
					new Pending(tenant, app.appId(), request.queryParameter("nonce").firstValue(),
							request.queryParameter("code_challenge").firstValue(), redirect, FakeEntraSignIn.this.next,
							FakeEntraSignIn.this.trick));
			return redirect(redirect + "?code=" + code + "&state=" + encode(state));
		}

		private ResponseDefinition token(String tenant, LoggedRequest request) {
			Map<String, String> form = form(request.getBodyAsString());
			App app = FakeEntraSignIn.this.apps.get(tenant);
			Pending pending = FakeEntraSignIn.this.codes.remove(form.getOrDefault("code", ""));
			if (pending == null || !pending.tenant().equals(tenant)
					|| !"authorization_code".equals(form.get("grant_type"))
					|| !pending.redirect().equals(form.get("redirect_uri"))) {
				return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The code has"
						+ " expired or was already used.\"}");
			}
			if (!app.appId().equals(form.get("client_id")) || !authenticated(app, form)) {
				return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid"
						+ " client secret provided.\"}");
			}
			if (!pending.challenge().equals(challenge(form.getOrDefault("code_verifier", "")))) {
				return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS501481: The Code_Verifier"
						+ " does not match the code_challenge.\"}");
			}
			return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"openid profile email\","
					+ "\"access_token\":\"opaque\",\"id_token\":\"" + idToken(pending) + "\"}");
		}

		private boolean authenticated(App app, Map<String, String> form) {
			if (app.certificate() == null) {
				return app.secret().equals(form.get("client_secret"));
			}
			String assertion = form.get("client_assertion");
			if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
					|| assertion == null || form.containsKey("client_secret")) {
				return false;
			}
			String[] parts = assertion.split("\\.");
			try {
				Signature signature = Signature.getInstance("RSASSA-PSS");
				signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
				signature.initVerify(app.certificate());
				signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
				String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
				return signature.verify(Base64.getUrlDecoder().decode(parts[2]))
						&& claims.contains("\"iss\":\"" + app.appId() + "\"");
			}
			catch (Exception ex) {
				return false;
			}
		}

		private String idToken(Pending pending) {
			Account account = pending.account();
			String tenant = (pending.trick() == Trick.OTHER_TID) ? UUID.randomUUID().toString() : account.tenant();
			Instant now = Instant.now();
			JWTCreator.Builder token = JWT.create()
				.withKeyId(KEY_ID)
				.withIssuer(authority() + account.tenant() + "/v2.0")
				.withAudience(pending.appId())
				.withSubject("pairwise-" + account.objectId())
				.withClaim("tid", tenant)
				.withClaim("oid", account.objectId())
				.withClaim("preferred_username", account.username())
				.withClaim("name", "Någon")
				.withClaim("nonce", pending.nonce())
				.withIssuedAt(Date.from(now))
				.withNotBefore(Date.from(now))
				.withExpiresAt(Date.from(now.plusSeconds(3600)));
			KeyPair signer = (pending.trick() == Trick.STRANGER_KEY) ? FakeEntraSignIn.this.stranger
					: FakeEntraSignIn.this.keys;
			return token.sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
		}

	}

	private record App(String appId, String secret, PublicKey certificate) {
	}

	private record Pending(String tenant, String appId, String nonce, String challenge, String redirect,
			Account account, Trick trick) {
	}

	private static ResponseDefinition redirect(String location) {
		return ResponseDefinitionBuilder.responseDefinition().withStatus(302).withHeader("Location", location).build();
	}

	private static ResponseDefinition json(int status, String body) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body)
			.build();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PublicKey publicKeyOf(Path pem) {
		try {
			Matcher block = Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----")
				.matcher(Files.readString(pem));
			if (!block.find()) {
				throw new IllegalArgumentException("no certificate in " + pem);
			}
			byte[] der = Base64.getMimeDecoder().decode(block.group(1).replaceAll("\\s", ""));
			return CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der))
				.getPublicKey();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String base64Url(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
