package se.samla.teams;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The Teams app package built from the real {@code teams-app/} folder. */
class TeamsAppPackageTests {

	private static final Path TEAMS_APP = Path.of("teams-app");

	private static final String APP_ID = "6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f";

	private final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path temp;

	@Test
	void fillsInTheAppIdInManifestAndBotId() throws IOException {
		Path zip = TeamsAppPackage.write(TEAMS_APP, APP_ID, this.temp.resolve("samla-teams.zip"));

		String manifest = new String(entries(zip).get("manifest.json"), StandardCharsets.UTF_8);
		JsonNode tree = this.json.readTree(manifest);
		assertThat(tree.path("id").asText()).isEqualTo(APP_ID);
		assertThat(tree.path("bots").path(0).path("botId").asText()).isEqualTo(APP_ID);
		assertThat(manifest).doesNotContain("${");
	}

	@Test
	void putsTheManifestAndBothIconsAtTheRootOfTheZipUnchanged() throws IOException {
		Path zip = TeamsAppPackage.write(TEAMS_APP, APP_ID, this.temp.resolve("out/samla-teams.zip"));

		Map<String, byte[]> entries = entries(zip);
		assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
		assertThat(entries.get("color.png")).isEqualTo(Files.readAllBytes(TEAMS_APP.resolve("color.png")));
		assertThat(entries.get("outline.png")).isEqualTo(Files.readAllBytes(TEAMS_APP.resolve("outline.png")));
	}

	@Test
	void replacesAZipThatIsAlreadyThere() throws IOException {
		Path zip = this.temp.resolve("samla-teams.zip");
		Files.writeString(zip, "an old package");

		TeamsAppPackage.write(TEAMS_APP, APP_ID, zip);

		assertThat(entries(zip)).containsKey("manifest.json");
		try (var files = Files.list(this.temp)) {
			assertThat(files).containsExactly(zip);
		}
	}

	@Test
	void refusesAnAppIdThatIsNotAGuid() {
		Path zip = this.temp.resolve("samla-teams.zip");
		for (String notAGuid : new String[] { "samla", "", "28:" + APP_ID, APP_ID.substring(1), APP_ID + "0",
				APP_ID.replace('-', '_'), "6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5g" }) {
			assertThatIllegalArgumentException().as(notAGuid)
				.isThrownBy(() -> TeamsAppPackage.write(TEAMS_APP, notAGuid, zip))
				.withMessageContaining("GUID")
				.withMessageContaining("'" + notAGuid + "'");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> TeamsAppPackage.write(TEAMS_APP, null, zip))
			.withMessageContaining("GUID");
		assertThat(zip).doesNotExist();
	}

	@Test
	void iconsHaveTheSizesTeamsRequires() throws IOException {
		BufferedImage color = ImageIO.read(TEAMS_APP.resolve("color.png").toFile());
		assertThat(color.getWidth()).isEqualTo(192);
		assertThat(color.getHeight()).isEqualTo(192);

		BufferedImage outline = ImageIO.read(TEAMS_APP.resolve("outline.png").toFile());
		assertThat(outline.getWidth()).isEqualTo(32);
		assertThat(outline.getHeight()).isEqualTo(32);
		List<Integer> visibleColours = new ArrayList<>();
		boolean transparent = false;
		for (int y = 0; y < 32; y++) {
			for (int x = 0; x < 32; x++) {
				int argb = outline.getRGB(x, y);
				transparent |= (argb >>> 24) == 0;
				if ((argb >>> 24) > 0) {
					visibleColours.add(argb & 0xFFFFFF);
				}
			}
		}
		assertThat(transparent).as("outline icon has a transparent background").isTrue();
		assertThat(visibleColours).isNotEmpty().containsOnly(0xFFFFFF);
	}

	@Test
	void refusesIconsOfTheWrongSizeOrColour() throws IOException {
		Path folder = copyOfTeamsApp();
		writePng(new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB), folder.resolve("color.png"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TeamsAppPackage.write(folder, APP_ID, this.temp.resolve("a.zip")))
			.withMessageContaining("color.png is 96×96 pixels; Teams requires 192×192");

		Files.copy(TEAMS_APP.resolve("color.png"), folder.resolve("color.png"), StandardCopyOption.REPLACE_EXISTING);
		BufferedImage blackOutline = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
		blackOutline.setRGB(5, 5, 0xFF000000);
		writePng(blackOutline, folder.resolve("outline.png"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TeamsAppPackage.write(folder, APP_ID, this.temp.resolve("b.zip")))
			.withMessageContaining("outline.png must be white on transparent");

		Files.writeString(folder.resolve("outline.png"), "not an image");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TeamsAppPackage.write(folder, APP_ID, this.temp.resolve("c.zip")))
			.withMessageContaining("outline.png is not a PNG");

		Files.delete(folder.resolve("outline.png"));
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> TeamsAppPackage.write(folder, APP_ID, this.temp.resolve("d.zip")))
			.withMessageContaining("outline.png");
		assertThat(this.temp.resolve("d.zip")).doesNotExist();
	}

	@Test
	void refusesAManifestWithoutThePlaceholder() throws IOException {
		Path folder = copyOfTeamsApp();
		Path manifest = folder.resolve("manifest.json");
		Files.writeString(manifest, Files.readString(manifest).replace("${SAMLA_TEAMS_APP_ID}", APP_ID));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> TeamsAppPackage.write(folder, APP_ID, this.temp.resolve("samla-teams.zip")))
			.withMessageContaining("has no ${SAMLA_TEAMS_APP_ID} placeholder");
	}

	@Test
	void manifestIsValidJsonWithPersonalScopeBot() throws IOException {
		JsonNode manifest = this.json.readTree(TEAMS_APP.resolve("manifest.json").toFile());

		String version = manifest.path("manifestVersion").asText();
		assertThat(manifest.path("$schema").asText()).isEqualTo(
				"https://developer.microsoft.com/en-us/json-schemas/teams/v" + version + "/MicrosoftTeams.schema.json");
		assertThat(manifest.path("version").asText()).isEqualTo("1.0.0");
		assertThat(manifest.path("id").asText()).isEqualTo("${SAMLA_TEAMS_APP_ID}");
		assertThat(manifest.path("localizationInfo").path("defaultLanguageTag").asText()).isEqualTo("sv-SE");
		assertThat(manifest.path("validDomains").isArray()).isTrue();
		assertThat(manifest.path("validDomains")).isEmpty();
		assertThat(manifest.path("accentColor").asText()).matches("#[0-9A-Fa-f]{6}");
		assertThat(manifest.path("icons").path("color").asText()).isEqualTo("color.png");
		assertThat(manifest.path("icons").path("outline").asText()).isEqualTo("outline.png");
		assertThat(manifest.path("developer").path("name").asText()).isEqualTo("Samla");
		for (String url : List.of("websiteUrl", "privacyUrl", "termsOfUseUrl")) {
			assertThat(manifest.path("developer").path(url).asText()).startsWith("https://samla.example.se/");
		}
		// the schema's limits
		assertThat(manifest.path("name").path("short").asText()).isEqualTo("Samla");
		assertThat(manifest.path("name").path("full").asText()).isEqualTo("Samla – enkäter om kompetensförsörjning");
		assertThat(manifest.path("description").path("short").asText()).isNotBlank().hasSizeLessThanOrEqualTo(80);
		assertThat(manifest.path("description").path("full").asText()).isNotBlank().hasSizeLessThanOrEqualTo(4000);

		JsonNode bots = manifest.path("bots");
		assertThat(bots).hasSize(1);
		JsonNode bot = bots.path(0);
		assertThat(bot.path("botId").asText()).isEqualTo("${SAMLA_TEAMS_APP_ID}");
		assertThat(texts(bot.path("scopes"))).containsExactly("personal");
		assertThat(bot.path("supportsFiles").isBoolean()).isTrue();
		assertThat(bot.path("supportsFiles").booleanValue()).isFalse();
		assertThat(bot.path("isNotificationOnly").isBoolean()).isTrue();
		assertThat(bot.path("isNotificationOnly").booleanValue()).isFalse();

		JsonNode commandLists = bot.path("commandLists");
		assertThat(commandLists).hasSize(1);
		assertThat(texts(commandLists.path(0).path("scopes"))).containsExactly("personal");
		Map<String, String> commands = new LinkedHashMap<>();
		commandLists.path(0)
			.path("commands")
			.forEach((command) -> commands.put(command.path("title").asText(), command.path("description").asText()));
		assertThat(commands).containsOnlyKeys("hjälp", "visa svar", "hoppa över", "tillbaka", "skicka", "pausa")
			.containsEntry("hjälp", "Visa vad du kan skriva")
			.containsEntry("visa svar", "Visa dina svar");
		// 32 and 128 characters: the strictest limits any manifest version has had for
		// bot commands
		assertThat(commands).allSatisfy((title, description) -> {
			assertThat(title).hasSizeLessThanOrEqualTo(32);
			assertThat(description).isNotBlank().hasSizeLessThanOrEqualTo(128);
		});
	}

	private Path copyOfTeamsApp() throws IOException {
		Path folder = Files.createDirectories(this.temp.resolve("teams-app"));
		for (String name : List.of("manifest.json", "color.png", "outline.png")) {
			Files.copy(TEAMS_APP.resolve(name), folder.resolve(name));
		}
		return folder;
	}

	private static void writePng(BufferedImage image, Path file) throws IOException {
		assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asText()));
		return texts;
	}

	private static Map<String, byte[]> entries(Path zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
			for (ZipEntry entry = entriesIn.getNextEntry(); entry != null; entry = entriesIn.getNextEntry()) {
				entries.put(entry.getName(), entriesIn.readAllBytes());
			}
		}
		return entries;
	}

}
