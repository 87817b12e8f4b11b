package io.salesdesk.territory.address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Region names (full and short) in a character trie, so that every name occurring in an address is
 * found by one walk from each position: no regex and no loop over the region table per address.
 * Built once; read-only afterwards, so one instance serves every thread.
 */
final class NameTrie {

    /** A name that ends at a trie node: the place it names and whether it is the short form. */
    record Entry(Place place, boolean shortName) {
    }

    private static final Entry[] NO_ENTRIES = new Entry[0];

    private static final class Builder {
        final Map<Character, Builder> children = new TreeMap<>();
        final List<Entry> entries = new ArrayList<>();
    }

    private static final class Node {
        final char[] keys;
        final Node[] children;
        final Entry[] entries;

        Node(Builder b) {
            keys = new char[b.children.size()];
            children = new Node[b.children.size()];
            int i = 0;
            for (Map.Entry<Character, Builder> e : b.children.entrySet()) {
                keys[i] = e.getKey();
                children[i] = new Node(e.getValue());
                i++;
            }
            entries = b.entries.isEmpty() ? NO_ENTRIES : b.entries.toArray(NO_ENTRIES);
        }

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }
    }

    /** Receives each name found: where it starts and ends in the text, and what it names. */
    interface Hits {
        void hit(int start, int end, Entry entry);
    }

    private final Node root;

    private NameTrie(Node root) {
        this.root = root;
    }

    /** Collects names, then freezes them into a trie. */
    static final class Collector {
        private final Builder root = new Builder();

        void add(String name, Entry entry) {
            Builder node = root;
            for (int i = 0; i < name.length(); i++) {
                node = node.children.computeIfAbsent(name.charAt(i), c -> new Builder());
            }
            boolean known = node.entries.stream().anyMatch(e -> e.place() == entry.place());
            if (!known) {
                node.entries.add(entry);
            }
        }

        NameTrie build() {
            return new NameTrie(new Node(root));
        }
    }

    /** Reports every name occurring in {@code text[0, length)}. */
    void scan(char[] text, int length, Hits hits) {
        for (int start = 0; start < length; start++) {
            Node node = root;
            for (int i = start; i < length; i++) {
                node = node.child(text[i]);
                if (node == null) {
                    break;
                }
                for (Entry e : node.entries) {
                    hits.hit(start, i + 1, e);
                }
            }
        }
    }
}
