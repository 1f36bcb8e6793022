package se.samla.teams;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * The Teams app package: the folder {@code teams-app/} (manifest.json with the
 * placeholder {@value #APP_ID_PLACEHOLDER}, color.png, outline.png) made into the zip
 * that an administrator uploads in Teams admin center or Developer Portal.
 */
public final class TeamsAppPackage {

	/** Stands for the bot's Microsoft app id in manifest.json (app id and bot id). */
	public static final String APP_ID_PLACEHOLDER = "${SAMLA_TEAMS_APP_ID}";

	static final String MANIFEST = "manifest.json";

	static final String COLOR_ICON = "color.png";

	static final String OUTLINE_ICON = "outline.png";

	static final int COLOR_ICON_SIZE = 192;

	static final int OUTLINE_ICON_SIZE = 32;

	private static final Pattern GUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final Pattern LEFTOVER_PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+}");

	private TeamsAppPackage() {
	}

	/**
	 * Builds the Teams app package (manifest.json with the app id filled in, color.png,
	 * outline.png) as a zip ready to upload in Teams admin center or Developer Portal.
	 * @param teamsAppDir the folder holding manifest.json, color.png and outline.png
	 * @param appId the bot's Microsoft app id (the Entra app registration's client id), a
	 * GUID
	 * @param zipFile where to write the zip; replaced if it exists
	 * @return {@code zipFile}
	 * @throws IllegalArgumentException if the app id is not a GUID, or the folder's files
	 * are not what Teams accepts (no placeholder in the manifest, an icon of the wrong
	 * size or an outline icon that is not white on transparent)
	 * @throws IOException if a file is missing or cannot be read or written
	 */
	public static Path write(Path teamsAppDir, String appId, Path zipFile) throws IOException {
		String id = requireGuid(appId);
		byte[] manifest = manifest(teamsAppDir, id);
		byte[] color = icon(teamsAppDir, COLOR_ICON, COLOR_ICON_SIZE, false);
		byte[] outline = icon(teamsAppDir, OUTLINE_ICON, OUTLINE_ICON_SIZE, true);
		Path absolute = zipFile.toAbsolutePath();
		Files.createDirectories(absolute.getParent());
		Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
		try {
			try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
				add(zip, MANIFEST, manifest);
				add(zip, COLOR_ICON, color);
				add(zip, OUTLINE_ICON, outline);
			}
			Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
		return zipFile;
	}

	private static String requireGuid(String appId) {
		String id = (appId != null) ? appId.strip() : "";
		if (!GUID.matcher(id).matches()) {
			throw new IllegalArgumentException("The Teams app id must be the bot's Microsoft app id, a GUID such as "
					+ "00000000-0000-0000-0000-000000000000 (the client id of its Entra app registration), not '"
					+ appId + "'");
		}
		return id;
	}

	private static byte[] manifest(Path teamsAppDir, String appId) throws IOException {
		String template = Files.readString(existing(teamsAppDir, MANIFEST), StandardCharsets.UTF_8);
		if (!template.contains(APP_ID_PLACEHOLDER)) {
			throw new IllegalArgumentException(teamsAppDir.resolve(MANIFEST) + " has no " + APP_ID_PLACEHOLDER
					+ " placeholder for the app id and the bot id");
		}
		String manifest = template.replace(APP_ID_PLACEHOLDER, appId);
		var leftover = LEFTOVER_PLACEHOLDER.matcher(manifest);
		if (leftover.find()) {
			throw new IllegalArgumentException(
					teamsAppDir.resolve(MANIFEST) + " has a placeholder Samla does not fill in: " + leftover.group());
		}
		return manifest.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] icon(Path teamsAppDir, String name, int size, boolean whiteOnTransparent) throws IOException {
		Path file = existing(teamsAppDir, name);
		byte[] bytes = Files.readAllBytes(file);
		BufferedImage image = isPng(bytes) ? ImageIO.read(new ByteArrayInputStream(bytes)) : null;
		if (image == null) {
			throw new IllegalArgumentException(file + " is not a PNG image; Teams requires PNG icons");
		}
		if (image.getWidth() != size || image.getHeight() != size) {
			throw new IllegalArgumentException(file + " is " + image.getWidth() + "×" + image.getHeight()
					+ " pixels; Teams requires " + size + "×" + size);
		}
		if (whiteOnTransparent) {
			requireWhiteOnTransparent(file, image);
		}
		return bytes;
	}

	private static boolean isPng(byte[] bytes) {
		return bytes.length > PNG_SIGNATURE.length
				&& Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
	}

	private static void requireWhiteOnTransparent(Path file, BufferedImage image) {
		boolean transparent = false;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int argb = image.getRGB(x, y);
				int alpha = argb >>> 24;
				if (alpha < 255) {
					transparent = true;
				}
				if (alpha > 0 && (argb & 0xFFFFFF) != 0xFFFFFF) {
					throw new IllegalArgumentException(file + " must be white on transparent, but the pixel at (" + x
							+ ", " + y + ") is #" + String.format("%06X", argb & 0xFFFFFF));
				}
			}
		}
		if (!transparent) {
			throw new IllegalArgumentException(file + " must be white on a transparent background");
		}
	}

	private static Path existing(Path teamsAppDir, String name) throws NoSuchFileException {
		Path file = teamsAppDir.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString(), null, "the Teams app package needs " + name);
		}
		return file;
	}

	private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

}
