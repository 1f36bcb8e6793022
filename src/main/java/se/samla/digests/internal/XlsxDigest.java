package se.samla.digests.internal;

import java.io.IOException;
import java.io.OutputStream;

import se.samla.digests.Digest;
import se.samla.digests.DigestTexts;

/** Placeholder until the workbook writer lands (same signature). */
public final class XlsxDigest {

	private XlsxDigest() {
	}

	public static void write(Digest digest, DigestTexts texts, OutputStream out) throws IOException {
	}

}
