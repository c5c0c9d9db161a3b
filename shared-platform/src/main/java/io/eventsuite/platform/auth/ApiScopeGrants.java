package io.eventsuite.platform.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which API scopes membership of a Cognito group grants. Scopes are granted by membership only: a user in
 * no listed group gets no API scope, so signing up alone opens no route (an operator, or an automation the
 * operator chooses, adds users to {@value #CUSTOMERS}).
 *
 * @param scopesByGroup the scopes each group grants
 */
public record ApiScopeGrants(Map<String, Set<String>> scopesByGroup) {

    public static final String CUSTOMERS = "customers";
    public static final String USERS_SCOPE = "eventsuite/users";
    public static final String ORDERS_SCOPE = "eventsuite/orders";
    public static final String NOTIFICATIONS_SCOPE = "eventsuite/notifications";

    /**
     * The suite's grants: customers use the whole API on their own resources; administrators ({@value
     * VerifiedClaims#ADMIN_GROUP}) too, and the handlers let them reach everyone's.
     */
    public static final ApiScopeGrants EVENTSUITE = new ApiScopeGrants(Map.of(
            CUSTOMERS, Set.of(USERS_SCOPE, ORDERS_SCOPE, NOTIFICATIONS_SCOPE),
            VerifiedClaims.ADMIN_GROUP, Set.of(USERS_SCOPE, ORDERS_SCOPE, NOTIFICATIONS_SCOPE)));

    public ApiScopeGrants {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        scopesByGroup.forEach((group, scopes) -> copy.put(group, Set.copyOf(scopes)));
        scopesByGroup = Map.copyOf(copy);
    }

    /** The scopes the given groups grant together, sorted (a stable token); none for no listed group. */
    public Set<String> grantedTo(Collection<String> groups) {
        Set<String> granted = new TreeSet<>();
        groups.forEach(group -> granted.addAll(scopesByGroup.getOrDefault(group, Set.of())));
        return granted;
    }

    /** Every scope these grants are about: what a token may carry only through a grant. */
    public Set<String> apiScopes() {
        Set<String> all = new TreeSet<>();
        scopesByGroup.values().forEach(all::addAll);
        return all;
    }
}
