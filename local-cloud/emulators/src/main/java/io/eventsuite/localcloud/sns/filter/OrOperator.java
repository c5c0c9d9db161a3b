package io.eventsuite.localcloud.sns.filter;

import java.util.ArrayList;
import java.util.List;

import io.eventsuite.localcloud.sns.filter.FilterPolicy.InvalidFilterPolicyException;
import io.eventsuite.localcloud.sns.filter.FilterPolicy.Scope;
import tools.jackson.databind.JsonNode;

/**
 * {@code "$or": [{…}, {…}]}: ORs whole sub-policies, at the top level or (in body scope) inside a nested key.
 * Only an array of at least two objects is the operator; anything else under {@code "$or"} is taken as an ordinary
 * key of that name.
 */
final class OrOperator {

    static final String KEY = "$or";

    private OrOperator() {
    }

    static boolean isOrOperator(String key, JsonNode value) {
        if (!KEY.equals(key) || !value.isArray() || value.size() < 2) {
            return false;
        }
        for (JsonNode branch : value) {
            if (!branch.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** The branches' alternatives one after the other: a message that passes any branch passes the {@code $or}. */
    static List<List<Condition>> expand(JsonNode branches, List<String> parentPath, Scope scope) {
        List<List<Condition>> alternatives = new ArrayList<>();
        for (JsonNode branch : branches) {
            if (branch.isEmpty()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Empty objects are not allowed in $or");
            }
            alternatives.addAll(PolicyParser.expand(branch, parentPath, scope));
        }
        return alternatives;
    }
}
