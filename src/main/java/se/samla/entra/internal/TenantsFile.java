package se.samla.entra.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import se.samla.entra.RegisteredApp;
import se.samla.entra.Registration;
import se.samla.shared.DefinitionProblem;

/**
 * The registrations written in {@code directory/tenants.csv}, one row per organisation:
 * {@code Organisation;Tenant-id;App-id;Certificate;Installera-app;Webbinloggning},
 * semicolon-separated like the directory's other files (the last two optional, {@code ja}
 * or {@code nej}, {@code nej} when empty). Organisations of one tenant share its
 * registration. Secrets are never in the file: a row without a certificate takes its
 * client secret from {@code SAMLA_ENTRA_SECRET_<TENANT>} (the tenant id in capitals,
 * dashes as underscores); a PKCS#12 certificate's password from
 * {@code SAMLA_ENTRA_CERTIFICATE_PASSWORD_<TENANT>}.
 */
final class TenantsFile {

	static final String SECRET_PREFIX = "SAMLA_ENTRA_SECRET_";

	static final String PASSWORD_PREFIX = "SAMLA_ENTRA_CERTIFICATE_PASSWORD_";

	private static final List<String> COLUMNS = List.of("organisation", "tenantid", "appid", "certificate",
			"installeraapp", "webbinloggning");

	private static final Pattern GUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private TenantsFile() {
	}

	/**
	 * Reads the file (none: no registrations).
	 * @param environment looks up a secret by its variable's name (null when unset)
	 * @throws IllegalStateException naming every problem as {@code file:line: problem}
	 */
	static List<Registration> read(Path file, UnaryOperator<String> environment) {
		return read(file, environment, true);
	}

	/**
	 * The tenants and apps of the file, without their credentials (for the Teams app
	 * packages, which need only the app ids).
	 */
	static List<RegisteredApp> apps(Path file) {
		return read(file, name -> null, false).stream()
			.map(r -> new RegisteredApp(r.tenantId(), r.appId(), r.organisations()))
			.toList();
	}

	private static List<Registration> read(Path file, UnaryOperator<String> environment, boolean credentials) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
		List<DefinitionProblem> problems = new ArrayList<>();
		Map<String, Row> byTenant = new LinkedHashMap<>();
		Map<String, Integer> columns = null;
		for (int i = 0; i < lines.size(); i++) {
			int number = i + 1;
			String line = lines.get(i).replace("\uFEFF", "").strip();
			if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("sep=")) {
				continue;
			}
			String[] fields = line.split(";", -1);
			if (columns == null) {
				columns = header(fields, file, number, problems);
				if (columns == null) {
					break;
				}
				continue;
			}
			String organisation = field(fields, columns, "organisation");
			String tenant = field(fields, columns, "tenantid");
			String app = field(fields, columns, "appid");
			String certificate = field(fields, columns, "certificate");
			String install = field(fields, columns, "installeraapp");
			String webSignIn = field(fields, columns, "webbinloggning");
			if (organisation.isEmpty()) {
				problems
					.add(problem(file, number, "no Organisation (the directory's organisation id, e.g. askersund)"));
				continue;
			}
			if (!GUID.matcher(tenant).matches()) {
				problems.add(problem(file, number, "Tenant-id '" + tenant + "' is not a GUID (the tenant's id"
						+ " in Entra admin center, Overview)"));
				continue;
			}
			if (!GUID.matcher(app).matches()) {
				problems.add(problem(file, number,
						"App-id '" + app + "' is not a GUID (the app registration's" + " Application (client) ID)"));
				continue;
			}
			Boolean installApp = yesNo(install);
			if (installApp == null) {
				problems
					.add(problem(file, number, "Installera-app '" + install + "': write ja or nej (or leave empty)"));
				continue;
			}
			Boolean signIn = yesNo(webSignIn);
			if (signIn == null) {
				problems
					.add(problem(file, number, "Webbinloggning '" + webSignIn + "': write ja or nej (or leave empty)"));
				continue;
			}
			String key = tenant.toLowerCase(Locale.ROOT);
			Row earlier = byTenant.get(key);
			if (earlier != null) {
				if (!earlier.app.equalsIgnoreCase(app) || !earlier.certificate.equals(certificate)
						|| earlier.installApp != installApp || earlier.webSignIn != signIn) {
					problems.add(problem(file, number,
							"tenant " + tenant + " is on line " + earlier.line
									+ " with another App-id, Certificate, Installera-app or Webbinloggning:"
									+ " one registration per tenant"));
					continue;
				}
				earlier.organisations.add(organisation);
				continue;
			}
			Row row = new Row(number, tenant, app, certificate, installApp, signIn);
			row.organisations.add(organisation);
			byTenant.put(key, row);
		}
		List<Registration> registrations = new ArrayList<>();
		for (Row row : byTenant.values()) {
			String variable = row.tenant.toUpperCase(Locale.ROOT).replace('-', '_');
			String secret = row.certificate.isEmpty() ? environment.apply(SECRET_PREFIX + variable) : null;
			if (!credentials) {
				// only the app ids are wanted: a stand-in the registration's check
				// accepts
				secret = row.certificate.isEmpty() ? "(not read)" : null;
			}
			if (row.certificate.isEmpty() && (secret == null || secret.isBlank())) {
				problems.add(problem(file, row.line, "tenant " + row.tenant + " has no Certificate, and "
						+ SECRET_PREFIX + variable + " holds no client secret (secrets never go in the file)"));
				continue;
			}
			Path certificate = row.certificate.isEmpty() ? null : resolve(file, row.certificate);
			if (credentials && certificate != null && !Files.isRegularFile(certificate)) {
				problems.add(problem(file, row.line, "Certificate " + certificate + " does not exist"));
				continue;
			}
			registrations.add(
					new Registration(row.tenant, row.app, secret, (certificate != null) ? certificate.toString() : null,
							(certificate != null) ? environment.apply(PASSWORD_PREFIX + variable) : null,
							row.organisations, row.installApp, null, row.webSignIn));
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					String.join("\n", problems.stream().map(DefinitionProblem::toString).toList()));
		}
		return registrations;
	}

	private static Map<String, Integer> header(String[] fields, Path file, int number,
			List<DefinitionProblem> problems) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i++) {
			String name = fields[i].strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
			if (!COLUMNS.contains(name)) {
				problems.add(problem(file, number, "unknown column '" + fields[i].strip()
						+ "'; the columns are Organisation;Tenant-id;App-id;Certificate;Installera-app;Webbinloggning"));
				return null;
			}
			columns.put(name, i);
		}
		for (String required : List.of("organisation", "tenantid", "appid")) {
			if (!columns.containsKey(required)) {
				problems.add(problem(file, number, "the header lacks the column " + required
						+ "; the columns are Organisation;Tenant-id;App-id;Certificate;Installera-app;Webbinloggning"));
				return null;
			}
		}
		return columns;
	}

	private static String field(String[] fields, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		return (index != null && index < fields.length) ? fields[index].strip() : "";
	}

	private static Boolean yesNo(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "", "nej", "no", "false" -> false;
			case "ja", "yes", "true" -> true;
			default -> null;
		};
	}

	/** A certificate path is read from where the file is, unless it is absolute. */
	private static Path resolve(Path file, String certificate) {
		Path path = Path.of(certificate);
		return path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path).normalize();
	}

	private static DefinitionProblem problem(Path file, int line, String message) {
		return new DefinitionProblem(file.toString(), line, message);
	}

	private static final class Row {

		private final int line;

		private final String tenant;

		private final String app;

		private final String certificate;

		private final boolean installApp;

		private final boolean webSignIn;

		private final List<String> organisations = new ArrayList<>();

		Row(int line, String tenant, String app, String certificate, boolean installApp, boolean webSignIn) {
			this.line = line;
			this.tenant = tenant;
			this.app = app;
			this.certificate = certificate;
			this.installApp = installApp;
			this.webSignIn = webSignIn;
		}

	}

}
