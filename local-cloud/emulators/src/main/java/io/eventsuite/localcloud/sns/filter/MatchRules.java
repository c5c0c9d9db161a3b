package io.eventsuite.localcloud.sns.filter;

import java.util.Map;

import io.eventsuite.localcloud.sns.filter.FilterPolicy.InvalidFilterPolicyException;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.EqualsIgnoreCase;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.Exact;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.Prefix;
import io.eventsuite.localcloud.sns.filter.ValueMatchers.Suffix;
import tools.jackson.databind.JsonNode;

/**
 * One element of a key's array in a policy: a literal ({@code "a"}, {@code 1}, {@code true}, {@code null}) or an
 * operator object with exactly one key ({@code {"prefix": "a"}}), turned into its {@link Matcher}. Each operator's
 * own validation lives with its matcher.
 */
final class MatchRules {

    private MatchRules() {
    }

    static Matcher parse(JsonNode rule) {
        if (rule.isString() || rule.isNumber() || rule.isBoolean() || rule.isNull()) {
            return new Exact(Leaf.of(rule));
        }
        if (!rule.isObject()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Match value must be String, number, true, false, or null");
        }
        if (rule.size() != 1) {
            throw new InvalidFilterPolicyException("FilterPolicy: Only one key allowed in match expression");
        }
        Map.Entry<String, JsonNode> only = rule.properties().iterator().next();
        String operator = only.getKey();
        JsonNode operand = only.getValue();
        return switch (operator) {
            case "prefix" -> new Prefix(requireString(operator, operand));
            case "suffix" -> new Suffix(requireString(operator, operand));
            case "equals-ignore-case" -> new EqualsIgnoreCase(requireString(operator, operand));
            case "anything-but" -> AnythingBut.parse(operand);
            case "numeric" -> Numeric.parse(operand);
            case "exists" -> Exists.parse(operand);
            case "cidr" -> Cidr.parse(operand);
            default -> throw new InvalidFilterPolicyException("FilterPolicy: Unrecognized match type " + operator);
        };
    }

    /** The operand of a string operator, such as the {@code "a"} of {@code {"prefix": "a"}}. */
    static String requireString(String operator, JsonNode operand) {
        if (!operand.isString()) {
            throw new InvalidFilterPolicyException("FilterPolicy: " + operator + " match pattern must be a string");
        }
        return operand.stringValue();
    }
}
