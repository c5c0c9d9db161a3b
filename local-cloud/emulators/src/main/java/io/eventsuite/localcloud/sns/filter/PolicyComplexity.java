package io.eventsuite.localcloud.sns.filter;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The "value combinations" SNS counts against its limit of 150, checked before anything is expanded so a huge
 * policy is refused without building its alternatives.
 */
final class PolicyComplexity {

    static final int MAX_COMBINATIONS = 150;

    private PolicyComplexity() {
    }

    static long combinations(JsonNode policy) {
        return combinations(policy, 1);
    }

    /** AWS's count: the product over leaf arrays of (values x depth); alternatives of {@code $or} add up. */
    private static long combinations(JsonNode object, int depth) {
        long product = 1;
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode value = e.getValue();
            long factor;
            if (OrOperator.isOrOperator(e.getKey(), value)) {
                factor = 0;
                for (JsonNode branch : value) {
                    factor += combinations(branch, depth);
                }
            } else if (value.isObject()) {
                factor = combinations(value, depth + 1);
            } else if (value.isArray()) {
                factor = (long) Math.max(1, value.size()) * depth;
            } else {
                factor = 1;
            }
            // capped, so a pathological policy cannot overflow into a small number
            product = Math.min(product * Math.max(1, factor), Integer.MAX_VALUE);
        }
        return product;
    }
}
