package se.samla.directory.internal;

import java.util.List;
import java.util.stream.Stream;

/**
 * A column an import understands: its Swedish header as documented, and other spellings
 * accepted for it. Headers are matched by {@link Keys#compact(String)}, so case, å/ä/ö,
 * spaces and dashes do not matter.
 */
record Column(String header, boolean required, List<String> aliases) {

	static Column required(String header, String... aliases) {
		return new Column(header, true, List.of(aliases));
	}

	static Column optional(String header, String... aliases) {
		return new Column(header, false, List.of(aliases));
	}

	boolean matches(String typedHeader) {
		String key = Keys.compact(typedHeader);
		return Stream.concat(Stream.of(this.header), this.aliases.stream())
			.anyMatch(name -> Keys.compact(name).equals(key));
	}

}
