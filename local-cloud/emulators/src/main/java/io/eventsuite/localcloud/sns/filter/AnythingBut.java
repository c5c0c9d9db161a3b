package io.eventsuite.localcloud.sns.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.eventsuite.localcloud.sns.filter.FilterPolicy.InvalidFilterPolicyException;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.EqualsIgnoreCase;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.Exact;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.Prefix;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.Suffix;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"anything-but": …}}: matches a non-null value none of the excluded matchers accept. Excluding a string
 * pattern ({@code prefix}, {@code suffix}, {@code equals-ignore-case}) also needs the value to be a string, so
 * {@code {"anything-but": {"prefix": "a"}}} does not match the number {@code 1}.
 */
record AnythingBut(List<Matcher> excluded) implements Matcher {

    public boolean test(Leaf leaf) {
        if (leaf.kind() == Leaf.Kind.NULL) {
            return false;
        }
        boolean stringPattern = excluded.stream().anyMatch(m -> !(m instanceof Exact));
        if (stringPattern && leaf.kind() != Leaf.Kind.STRING) {
            return false;
        }
        return excluded.stream().noneMatch(m -> m.test(leaf));
    }

    /**
     * The operand: a string or number, a list of them, or a one-key {@code prefix}, {@code suffix} or
     * {@code equals-ignore-case} object.
     */
    static AnythingBut parse(JsonNode operand) {
        if (operand.isString() || operand.isNumber()) {
            return new AnythingBut(List.of(MatchRules.parse(operand)));
        }
        if (operand.isArray()) {
            if (operand.isEmpty()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Empty arrays are not allowed");
            }
            List<Matcher> excluded = new ArrayList<>();
            for (JsonNode value : operand) {
                if (!value.isString() && !value.isNumber()) {
                    throw new InvalidFilterPolicyException(
                            "FilterPolicy: Inside anything but list, only strings and numbers are supported");
                }
                excluded.add(MatchRules.parse(value));
            }
            return new AnythingBut(List.copyOf(excluded));
        }
        if (operand.isObject() && operand.size() == 1) {
            return parsePattern(operand.properties().iterator().next());
        }
        throw new InvalidFilterPolicyException(
                "FilterPolicy: Value of anything-but must be an array or single string/number value.");
    }

    private static AnythingBut parsePattern(Map.Entry<String, JsonNode> pattern) {
        String op = pattern.getKey();
        JsonNode value = pattern.getValue();
        return switch (op) {
            case "prefix" -> new AnythingBut(List.of(new Prefix(MatchRules.requireString(op, value))));
            case "suffix" -> new AnythingBut(List.of(new Suffix(MatchRules.requireString(op, value))));
            case "equals-ignore-case" -> {
                // the one pattern AWS also takes as a list: anything but any of these, ignoring case
                if (value.isArray() && !value.isEmpty()) {
                    List<Matcher> excluded = new ArrayList<>();
                    for (JsonNode v : value) {
                        excluded.add(new EqualsIgnoreCase(MatchRules.requireString(op, v)));
                    }
                    yield new AnythingBut(List.copyOf(excluded));
                }
                yield new AnythingBut(List.of(new EqualsIgnoreCase(MatchRules.requireString(op, value))));
            }
            default -> throw new InvalidFilterPolicyException("FilterPolicy: Unsupported anything-but pattern: " + op);
        };
    }
}
