package io.eventsuite.localcloud.sns.filter;

import io.eventsuite.localcloud.sns.filter.FilterPolicy.InvalidFilterPolicyException;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"exists": true|false}}: about the key, not its values, so it never matches a single value; {@link
 * Condition} asks it about the key's presence instead, the one thing that can match a key the message lacks.
 */
record Exists(boolean expected) implements Matcher {

    public boolean test(Leaf leaf) {
        return false;
    }

    boolean testPresence(boolean present) {
        return expected == present;
    }

    static Exists parse(JsonNode operand) {
        if (!operand.isBoolean()) {
            throw new InvalidFilterPolicyException("FilterPolicy: exists match pattern must be either true or false.");
        }
        return new Exists(operand.booleanValue());
    }
}
