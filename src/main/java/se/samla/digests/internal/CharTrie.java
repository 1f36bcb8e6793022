package se.samla.digests.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable character trie over distinct word forms, walked over a text word's
 * characters without creating a string: the {@link ThemeMatcher}'s way to find, in one
 * pass per word, every keyword form that the word is, starts with or (in a trie of
 * reversed forms) ends with. Stored in flat arrays, which keeps a step cheap.
 */
final class CharTrie {

	/** The root's children are looked up in a table for the characters below this. */
	private static final int DENSE = 0x100;

	/** Per node: where its edges start in {@link #labels} and {@link #targets}. */
	private final int[] firstEdge;

	/** Per node: how many edges it has. */
	private final int[] edgeCount;

	/** Per edge, sorted within a node: its character. */
	private final char[] labels;

	/** Per edge: the node it leads to. */
	private final int[] targets;

	/** Per node: the id of the form that ends there, or -1. */
	private final int[] forms;

	/** The root's child for each character below {@link #DENSE}, or -1. */
	private final int[] rootChildren = new int[DENSE];

	private CharTrie(int[] firstEdge, int[] edgeCount, char[] labels, int[] targets, int[] forms) {
		this.firstEdge = firstEdge;
		this.edgeCount = edgeCount;
		this.labels = labels;
		this.targets = targets;
		this.forms = forms;
		Arrays.fill(this.rootChildren, -1);
		for (int edge = firstEdge[0]; edge < firstEdge[0] + edgeCount[0]; edge++) {
			if (labels[edge] < DENSE) {
				this.rootChildren[labels[edge]] = targets[edge];
			}
		}
	}

	/**
	 * Builds a trie.
	 * @param forms the forms, distinct; the id of a form is its index; an empty form is
	 * left out
	 * @param reversed whether to store each form backwards, for matching word endings
	 * @return the trie
	 */
	static CharTrie of(List<String> forms, boolean reversed) {
		List<Node> nodes = new ArrayList<>();
		nodes.add(new Node());
		for (int id = 0; id < forms.size(); id++) {
			String form = forms.get(id);
			if (form.isEmpty()) {
				continue;
			}
			Node node = nodes.get(0);
			for (int i = 0; i < form.length(); i++) {
				char c = form.charAt(reversed ? form.length() - 1 - i : i);
				Integer child = node.children.get(c);
				if (child == null) {
					child = nodes.size();
					nodes.add(new Node());
					node.children.put(c, child);
				}
				node = nodes.get(child);
			}
			if (node.form >= 0) {
				throw new IllegalArgumentException("form '" + form + "' is given twice");
			}
			node.form = id;
		}
		int[] firstEdge = new int[nodes.size()];
		int[] edgeCount = new int[nodes.size()];
		int[] ends = new int[nodes.size()];
		char[] labels = new char[nodes.size() - 1];
		int[] targets = new int[nodes.size() - 1];
		int edge = 0;
		for (int n = 0; n < nodes.size(); n++) {
			Node node = nodes.get(n);
			firstEdge[n] = edge;
			edgeCount[n] = node.children.size();
			ends[n] = node.form;
			for (Map.Entry<Character, Integer> child : node.children.entrySet()) {
				labels[edge] = child.getKey();
				targets[edge] = child.getValue();
				edge++;
			}
		}
		return new CharTrie(firstEdge, edgeCount, labels, targets, ends);
	}

	/** The root node, where every walk starts. */
	int root() {
		return 0;
	}

	/**
	 * One step of a walk.
	 * @param node the node reached so far
	 * @param c the next character
	 * @return the node reached, or -1 when no form continues with {@code c}
	 */
	int next(int node, char c) {
		if (node == 0 && c < DENSE) {
			return this.rootChildren[c];
		}
		int from = this.firstEdge[node];
		int to = from + this.edgeCount[node];
		if (to - from <= 8) {
			for (int edge = from; edge < to; edge++) {
				if (this.labels[edge] == c) {
					return this.targets[edge];
				}
			}
			return -1;
		}
		int edge = Arrays.binarySearch(this.labels, from, to, c);
		return (edge >= 0) ? this.targets[edge] : -1;
	}

	/** The id of the form that ends at a node, or -1. */
	int formAt(int node) {
		return this.forms[node];
	}

	/** Whether a whole word is one of the forms. */
	boolean contains(char[] word, int length) {
		int node = 0;
		for (int i = 0; i < length && node >= 0; i++) {
			node = next(node, word[i]);
		}
		return node >= 0 && this.forms[node] >= 0;
	}

	private static final class Node {

		private final TreeMap<Character, Integer> children = new TreeMap<>();

		private int form = -1;

	}

}
