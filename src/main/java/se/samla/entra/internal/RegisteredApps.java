package se.samla.entra.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import se.samla.entra.RegisteredApp;
import se.samla.entra.Registration;

/**
 * The registrations' apps as a command sees them without starting Samla: the file, and
 * {@code samla.entra.registrations} given by environment variables or system properties.
 */
public final class RegisteredApps {

	private RegisteredApps() {
	}

	/**
	 * @throws IllegalStateException naming each problem of the file as file:line: problem
	 */
	public static List<RegisteredApp> read(Path tenantsFile) {
		List<RegisteredApp> apps = new ArrayList<>();
		Binder.get(new StandardEnvironment())
			.bind("samla.entra.registrations", Bindable.listOf(Registration.class))
			.orElse(List.of())
			.forEach(r -> apps.add(new RegisteredApp(r.tenantId(), r.appId(), r.organisations())));
		for (RegisteredApp fromFile : TenantsFile.apps(tenantsFile)) {
			if (apps.stream().noneMatch(app -> app.tenantId().equalsIgnoreCase(fromFile.tenantId()))) {
				apps.add(fromFile);
			}
		}
		return apps;
	}

}
