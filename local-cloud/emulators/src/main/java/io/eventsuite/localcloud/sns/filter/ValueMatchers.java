package io.eventsuite.localcloud.sns.filter;

import java.util.Locale;

/**
 * Exact values and the string patterns: {@code "a"} / {@code 1} / {@code true} / {@code null}, {@code prefix},
 * {@code suffix} and {@code equals-ignore-case}. The patterns only ever match string values.
 */
final class ValueMatchers {

    private ValueMatchers() {
    }

    /** A literal: same kind and same value; numbers compare by value, so {@code 42} matches {@code 42.0}. */
    record Exact(Leaf expected) implements Matcher {
        public boolean test(Leaf leaf) {
            return expected.sameAs(leaf);
        }
    }

    record Prefix(String prefix) implements Matcher {
        public boolean test(Leaf leaf) {
            return leaf.kind() == Leaf.Kind.STRING && leaf.string().startsWith(prefix);
        }
    }

    record Suffix(String suffix) implements Matcher {
        public boolean test(Leaf leaf) {
            return leaf.kind() == Leaf.Kind.STRING && leaf.string().endsWith(suffix);
        }
    }

    record EqualsIgnoreCase(String expected) implements Matcher {
        public boolean test(Leaf leaf) {
            return leaf.kind() == Leaf.Kind.STRING
                    && leaf.string().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        }
    }
}
