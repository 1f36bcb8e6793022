package se.samla.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who a person is in Microsoft Teams: their Entra ID object id and the tenant it lives
 * in. Both are GUIDs, stored lower-case.
 */
public record TeamsIdentity(String entraObjectId, String tenantId) {

	private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	public TeamsIdentity {
		entraObjectId = guid(entraObjectId, "Entra object id");
		tenantId = guid(tenantId, "tenant id");
	}

	private static String guid(String value, String what) {
		String normalised = (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
		if (normalised.startsWith("{") && normalised.endsWith("}")) {
			normalised = normalised.substring(1, normalised.length() - 1);
		}
		if (!GUID.matcher(normalised).matches()) {
			throw new IllegalArgumentException(
					"invalid " + what + " '" + value + "' (expected a GUID like 3f2504e0-4f89-11d3-9a0c-0305e82c3301)");
		}
		return normalised;
	}

}
