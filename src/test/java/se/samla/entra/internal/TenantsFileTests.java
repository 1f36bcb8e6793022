package se.samla.entra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samla.entra.Registration;

/**
 * directory/tenants.csv: one registration per tenant, secrets only from the environment.
 */
class TenantsFileTests {

	static final String OREBRO = "0b6c1a1e-7d2f-4b7e-9a0c-111111111111";

	static final String KARLSKOGA = "0b6c1a1e-7d2f-4b7e-9a0c-222222222222";

	static final String APP = "5a8f3e2d-3c4b-4a1f-8e7d-333333333333";

	@TempDir
	Path folder;

	@Test
	void organisationsOfOneTenantShareItsRegistrationAndTheSecretComesFromTheEnvironment() throws IOException {
		Files.copy(Path.of("src/test/resources/entra/samla-test.pem"), this.folder.resolve("karlskoga.pem"));
		Path file = write("\uFEFFOrganisation;Tenant-id;App-id;Certificate;Installera-app",
				"orebro;" + OREBRO + ";" + APP + ";;ja", "region;" + OREBRO + ";" + APP + ";;ja",
				"karlskoga;" + KARLSKOGA + ";" + APP + ";karlskoga.pem;");

		List<Registration> registrations = TenantsFile.read(file,
				Map.of("SAMLA_ENTRA_SECRET_0B6C1A1E_7D2F_4B7E_9A0C_111111111111", "s3cret")::get);

		assertThat(registrations).hasSize(2);
		assertThat(registrations.get(0).organisations()).containsExactly("orebro", "region");
		assertThat(registrations.get(0).clientSecret()).isEqualTo("s3cret");
		assertThat(registrations.get(0).installApp()).isTrue();
		assertThat(registrations.get(1).certificate()).isEqualTo(this.folder.resolve("karlskoga.pem").toString());
		assertThat(registrations.get(1).clientSecret()).isNull();
	}

	@Test
	void eachProblemNamesTheFileAndLine() throws IOException {
		Path file = write("Organisation;Tenant-id;App-id;Certificate;Installera-app", "orebro;not-a-guid;" + APP + ";;",
				"karlskoga;" + KARLSKOGA + ";" + APP + ";;kanske", "degerfors;" + KARLSKOGA + ";" + APP + ";;");

		assertThatIllegalStateException().isThrownBy(() -> TenantsFile.read(file, name -> null))
			.withMessageContaining(file + ":2: Tenant-id 'not-a-guid' is not a GUID")
			.withMessageContaining(file + ":3: Installera-app 'kanske'")
			.withMessageContaining(file + ":4: tenant " + KARLSKOGA + " has no Certificate, and SAMLA_ENTRA_SECRET_");
	}

	@Test
	void webSignInIsOnOnlyForTenantsWhoseRowsSayJa() throws IOException {
		Path file = write("Organisation;Tenant-id;App-id;Certificate;Installera-app;Webbinloggning",
				"orebro;" + OREBRO + ";" + APP + ";;;ja", "karlskoga;" + KARLSKOGA + ";" + APP + ";;;",
				"degerfors;" + KARLSKOGA + ";" + APP + ";;;kanske");

		assertThatIllegalStateException().isThrownBy(() -> TenantsFile.read(file, name -> "s3cret"))
			.withMessageContaining(file + ":4: Webbinloggning 'kanske'");

		Files.writeString(file, Files.readString(file).replace("degerfors", "#degerfors"));
		List<Registration> registrations = TenantsFile.read(file, name -> "s3cret");
		assertThat(registrations).extracting(Registration::webSignIn).containsExactly(true, false);
	}

	@Test
	void noFileMeansNoRegistrations() {
		assertThat(TenantsFile.read(this.folder.resolve("tenants.csv"), name -> null)).isEmpty();
	}

	private Path write(String... lines) throws IOException {
		Path file = this.folder.resolve("tenants.csv");
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		return file;
	}

}
