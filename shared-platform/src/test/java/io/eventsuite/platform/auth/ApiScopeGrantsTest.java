package io.eventsuite.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("API scopes granted by group")
class ApiScopeGrantsTest {

    private final ApiScopeGrants grants = new ApiScopeGrants(Map.of(
            "readers", Set.of("api/read"),
            "writers", Set.of("api/read", "api/write")));

    @Test
    void groups_grant_the_union_of_their_scopes_and_unknown_groups_grant_nothing() {
        assertThat(grants.grantedTo(List.of("readers", "writers", "strangers"))).containsExactly("api/read", "api/write");
        assertThat(grants.grantedTo(List.of("strangers"))).isEmpty();
        assertThat(grants.grantedTo(List.of())).isEmpty();
    }

    @Test
    void the_suites_grants_name_the_resource_servers_scopes_and_open_nothing_to_a_user_in_no_group() {
        assertThat(ApiScopeGrants.EVENTSUITE.apiScopes())
                .containsExactly("eventsuite/notifications", "eventsuite/orders", "eventsuite/users");
        assertThat(ApiScopeGrants.EVENTSUITE.grantedTo(List.of())).isEmpty();
        assertThat(ApiScopeGrants.EVENTSUITE.scopesByGroup()).containsOnlyKeys("customers", "admin");
    }
}
