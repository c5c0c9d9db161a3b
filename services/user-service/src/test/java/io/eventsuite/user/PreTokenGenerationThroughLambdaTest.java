package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.CognitoEvents;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The user pool's pre token generation trigger (V2 event), through the real Lambda entry point: API scopes
 * only by group membership, and the verified email into the access token.
 */
@DisplayName("pre token generation trigger through FunctionInvoker")
class PreTokenGenerationThroughLambdaTest {

    private static final List<String> ALL_API_SCOPES =
            List.of("eventsuite/notifications", "eventsuite/orders", "eventsuite/users");

    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);

    @Test
    void a_member_of_customers_gets_the_api_scopes_and_its_verified_email_in_the_access_token() {
        JsonNode answer = trigger(CognitoEvents.preTokenGenerationV2("alice").groups("customers")
                .email("alice@example.com", true));

        JsonNode accessToken = accessToken(answer);
        assertThat(strings(accessToken.path("scopesToAdd"))).containsExactlyElementsOf(ALL_API_SCOPES);
        assertThat(accessToken.path("claimsToAddOrOverride").path("email").asString()).isEqualTo("alice@example.com");
        assertThat(accessToken.path("claimsToAddOrOverride").path("email_verified").asString()).isEqualTo("true");
        assertThat(answer.path("request").path("userAttributes").path("sub").asString())
                .as("the event comes back whole, as Cognito expects").isEqualTo("alice");
    }

    @Test
    void a_user_in_no_group_gets_no_api_scope() {
        JsonNode answer = trigger(CognitoEvents.preTokenGenerationV2("newcomer").email("new@example.com", true));

        assertThat(strings(accessToken(answer).path("scopesToAdd"))).isEmpty();
    }

    @Test
    void api_scopes_a_client_asked_for_are_suppressed_for_a_user_whose_groups_do_not_grant_them() {
        JsonNode answer = trigger(CognitoEvents.preTokenGenerationV2("newcomer")
                .scopes("openid", "email", "eventsuite/orders", "eventsuite/users"));

        assertThat(strings(accessToken(answer).path("scopesToSuppress")))
                .containsExactlyInAnyOrder("eventsuite/orders", "eventsuite/users");
        assertThat(strings(accessToken(answer).path("scopesToAdd"))).isEmpty();
    }

    @Test
    void an_unverified_email_goes_into_the_token_as_unverified() {
        JsonNode answer = trigger(CognitoEvents.preTokenGenerationV2("alice").groups("customers")
                .email("alice@example.com", false));

        assertThat(accessToken(answer).path("claimsToAddOrOverride").path("email_verified").asString())
                .isEqualTo("false");
    }

    @Test
    void administrators_get_the_api_scopes_too() {
        JsonNode answer = trigger(CognitoEvents.preTokenGenerationV2("ada").groups("admin"));

        assertThat(strings(accessToken(answer).path("scopesToAdd"))).containsExactlyElementsOf(ALL_API_SCOPES);
        assertThat(accessToken(answer).has("claimsToAddOrOverride")).as("no email attribute, no email claim").isFalse();
    }

    private JsonNode trigger(CognitoEvents event) {
        return lambda.invoke("preTokenGeneration", event.toJson());
    }

    private static JsonNode accessToken(JsonNode answer) {
        return answer.path("response").path("claimsAndScopeOverrideDetails").path("accessTokenGeneration");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

}
