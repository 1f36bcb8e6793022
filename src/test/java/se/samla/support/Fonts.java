package se.samla.support;

import java.io.IOException;

/**
 * Makes sure the machine has a font for the digests' charts: runs
 * {@code scripts/install-fonts} once (it does nothing where {@code fc-list} shows fonts),
 * so that the tests run on a bare Debian machine as they do on a desktop.
 */
public final class Fonts {

	private static boolean installed;

	private Fonts() {
	}

	public static synchronized void ensureInstalled() {
		if (installed) {
			return;
		}
		try {
			Process install = new ProcessBuilder("scripts/install-fonts").inheritIO().start();
			if (install.waitFor() != 0) {
				throw new IllegalStateException("scripts/install-fonts could not install a font for the charts");
			}
			installed = true;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run scripts/install-fonts", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
