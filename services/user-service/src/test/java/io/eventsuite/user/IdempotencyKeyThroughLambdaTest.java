package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the Idempotency-Key contract through FunctionInvoker")
class IdempotencyKeyThroughLambdaTest {

    private final UserServiceWithFakes.Fakes fakes = UserServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);
    private final String sub = "user-" + UUID.randomUUID();
    private final String key = UUID.randomUUID().toString();

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_response_and_registers_once() {
        HttpAnswer first = post(key, UserRoutesThroughLambdaTest.ALICE);
        HttpAnswer retry = post(key, UserRoutesThroughLambdaTest.ALICE);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(fakes.publisher().publishedOfType(UserRegistered.class))
                .filteredOn(e -> e.userId().value().equals(sub)).hasSize(1);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        post(key, UserRoutesThroughLambdaTest.ALICE);

        HttpAnswer reused = post(key, """
                {"displayName":"Bob","email":"alice@example.com"}""");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemType()).isEqualTo("urn:eventsuite:problem:idempotency-key-reused");
    }

    @Test
    void without_a_key_a_second_post_is_answered_afresh() {
        post(null, UserRoutesThroughLambdaTest.ALICE);

        assertThat(post(null, UserRoutesThroughLambdaTest.ALICE).status()).isEqualTo(409);
    }

    @Test
    void a_refused_request_does_not_use_up_the_key() {
        HttpAnswer refused = post(key, "{\"displayName\":\"\",\"email\":\"alice@example.com\"}");
        HttpAnswer corrected = post(key, UserRoutesThroughLambdaTest.ALICE);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(corrected.status()).isEqualTo(201);
    }

    private HttpAnswer post(String idempotencyKey, String json) {
        ApiGatewayV2Events request = ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .verifiedEmail("alice@example.com").jsonBody(json);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return lambda.http("registerUser", request);
    }
}
