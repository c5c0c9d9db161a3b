package io.eventsuite.localcloud.sns.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.eventsuite.localcloud.sns.filter.FilterPolicy.InvalidFilterPolicyException;
import io.eventsuite.localcloud.sns.filter.FilterPolicy.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Validates a policy document and expands it into alternatives (OR) of conditions (AND), so matching is a flat loop.
 * The whole-document checks run first, in SNS's order, so an oversized or malformed policy gets SNS's reason rather
 * than a complaint about one of its keys.
 */
final class PolicyParser {

    static final int MAX_KEYS = 5;
    static final int MAX_BYTES = 256 * 1024;

    private PolicyParser() {
    }

    /** The policy's alternatives; none for the empty policy {@code {}}, which matches every message. */
    static List<List<Condition>> parse(String json, Scope scope) {
        if (json == null || json.isBlank()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy can not be empty");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy is too long");
        }
        JsonNode root;
        try {
            root = PolicyJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidFilterPolicyException("FilterPolicy: failed to parse JSON. " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy must be a JSON object");
        }
        if (root.size() > MAX_KEYS) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy can not have more than 5 keys");
        }
        if (PolicyComplexity.combinations(root) > PolicyComplexity.MAX_COMBINATIONS) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy is too complex");
        }
        return root.isEmpty() ? List.of() : List.copyOf(expand(root, List.of(), scope));
    }

    /** The alternatives of one policy object whose keys sit under {@code parentPath}: every key must hold (AND). */
    static List<List<Condition>> expand(JsonNode object, List<String> parentPath, Scope scope) {
        List<List<Condition>> alternatives = List.of(List.of());
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            List<List<Condition>> keyAlternatives = OrOperator.isOrOperator(key, value)
                    ? OrOperator.expand(value, parentPath, scope)
                    : expandKey(key, value, append(parentPath, key), scope);
            alternatives = and(alternatives, keyAlternatives);
        }
        return alternatives;
    }

    private static List<List<Condition>> expandKey(String key, JsonNode value, List<String> path, Scope scope) {
        if (value.isObject()) {
            if (scope == Scope.MESSAGE_ATTRIBUTES) {
                throw new InvalidFilterPolicyException(
                        "Filter policy scope MessageAttributes does not support nested filter policy");
            }
            if (value.isEmpty()) {
                throw new InvalidFilterPolicyException("FilterPolicy: \"" + key + "\" must be an object or an array");
            }
            return expand(value, path, scope);
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Empty arrays are not allowed");
            }
            List<Matcher> matchers = new ArrayList<>();
            for (JsonNode rule : value) {
                matchers.add(MatchRules.parse(rule));
            }
            return List.of(List.of(new Condition(path, List.copyOf(matchers))));
        }
        throw new InvalidFilterPolicyException("FilterPolicy: \"" + key + "\" must be an object or an array");
    }

    /** AND of two ORs, distributed: every left alternative joined with every right one. */
    private static List<List<Condition>> and(List<List<Condition>> left, List<List<Condition>> right) {
        List<List<Condition>> joined = new ArrayList<>();
        for (List<Condition> l : left) {
            for (List<Condition> r : right) {
                List<Condition> merged = new ArrayList<>(l);
                merged.addAll(r);
                joined.add(List.copyOf(merged));
            }
        }
        return joined;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> result = new ArrayList<>(path);
        result.add(key);
        return List.copyOf(result);
    }
}
