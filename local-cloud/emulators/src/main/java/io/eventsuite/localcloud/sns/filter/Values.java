package io.eventsuite.localcloud.sns.filter;

import java.util.List;

/**
 * What a message holds under one policy key: whether the key is there (with a non-null value) and its scalar values.
 * Presence is kept apart from the values because a key can be present with nothing a rule could match (a
 * {@code Binary} attribute), and only {@code exists} cares about that.
 */
record Values(boolean present, List<Leaf> leaves) {

    static final Values ABSENT = new Values(false, List.of());

    /** Values found in a message body: present when any of them is not JSON {@code null}. */
    static Values of(List<Leaf> leaves) {
        boolean present = leaves.stream().anyMatch(l -> l.kind() != Leaf.Kind.NULL);
        return new Values(present, leaves);
    }
}
