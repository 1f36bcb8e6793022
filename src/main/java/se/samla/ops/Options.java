package se.samla.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import se.samla.ops.OperatorCli.UsageException;

/**
 * The arguments of an operator command: {@code --flag}, {@code --name value} and
 * positionals.
 */
final class Options {

	private final List<String> remaining;

	Options(String[] args) {
		this.remaining = new ArrayList<>(Arrays.asList(args));
	}

	boolean flag(String name) {
		return this.remaining.remove(name);
	}

	String value(String name, String fallback) {
		int index = this.remaining.indexOf(name);
		if (index < 0) {
			return fallback;
		}
		if (index + 1 >= this.remaining.size()) {
			throw new UsageException(name + " needs a value");
		}
		this.remaining.remove(index);
		return this.remaining.remove(index);
	}

	String positional(String what) {
		for (int i = 0; i < this.remaining.size(); i++) {
			if (!this.remaining.get(i).startsWith("--")) {
				return this.remaining.remove(i);
			}
		}
		throw new UsageException("missing " + what);
	}

	void requireNoMore() {
		if (!this.remaining.isEmpty()) {
			throw new UsageException("unexpected argument(s): " + String.join(" ", this.remaining));
		}
	}

}
