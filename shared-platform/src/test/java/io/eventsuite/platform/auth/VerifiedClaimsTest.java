package io.eventsuite.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.eventsuite.domain.common.Email;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("verified claims")
class VerifiedClaimsTest {

    @Test
    void the_subject_is_the_caller_and_admins_come_from_the_cognito_group() {
        VerifiedClaims claims = VerifiedClaims.from(event(Map.of("sub", "abc-123", "cognito:groups", "[admin support]",
                "scope", "eventsuite/users eventsuite/orders"), null)).orElseThrow();

        assertThat(claims.caller().id().value()).isEqualTo("abc-123");
        assertThat(claims.caller().admin()).isTrue();
        assertThat(claims.groups()).containsExactlyInAnyOrder("admin", "support");
        assertThat(claims.scopes()).containsExactlyInAnyOrder("eventsuite/users", "eventsuite/orders");
    }

    @Test
    void groups_in_json_style_are_read_too_and_a_user_without_the_group_is_no_admin() {
        assertThat(VerifiedClaims.from(event(Map.of("sub", "u", "cognito:groups", "[\"admin\"]"), null))
                .orElseThrow().caller().admin()).isTrue();
        assertThat(VerifiedClaims.from(event(Map.of("sub", "u", "cognito:groups", "[administrators]"), null))
                .orElseThrow().caller().admin()).isFalse();
    }

    @Test
    void scopes_from_the_authorizer_list_are_merged() {
        VerifiedClaims claims = VerifiedClaims.from(event(Map.of("sub", "u"), List.of("eventsuite/notifications")))
                .orElseThrow();

        assertThat(claims.scopes()).containsExactly("eventsuite/notifications");
    }

    @Test
    void no_authorizer_no_subject_or_an_unusable_subject_means_no_identity() {
        assertThat(VerifiedClaims.from(new APIGatewayV2HTTPEvent())).isEmpty();
        assertThat(VerifiedClaims.from(event(Map.of("email", "a@example.com"), null))).isEmpty();
        assertThat(VerifiedClaims.from(event(Map.of("sub", "../../etc/passwd"), null))).isEmpty();
    }

    @Test
    void the_email_counts_only_when_the_token_says_it_is_verified_as_api_gateway_passes_it_a_string() {
        assertThat(VerifiedClaims.from(event(Map.of("sub", "u", "email", "a@example.com", "email_verified", "true"), null))
                .orElseThrow().caller().verifiedEmail()).contains(new Email("a@example.com"));
        assertThat(VerifiedClaims.from(event(Map.of("sub", "u", "email", "a@example.com", "email_verified", "false"), null))
                .orElseThrow().caller().verifiedEmail()).isEmpty();
        assertThat(VerifiedClaims.from(event(Map.of("sub", "u", "email", "a@example.com"), null))
                .orElseThrow().caller().verifiedEmail()).isEmpty();
        assertThat(VerifiedClaims.from(event(Map.of("sub", "u", "email", "not-an-address", "email_verified", "true"), null))
                .orElseThrow().caller().verifiedEmail()).isEmpty();
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> claims, List<String> scopes) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).withScopes(scopes).build();
        var authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withAuthorizer(authorizer).build();
        return APIGatewayV2HTTPEvent.builder().withRequestContext(context).build();
    }
}
