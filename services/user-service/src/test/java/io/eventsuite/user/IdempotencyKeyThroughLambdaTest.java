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

    @Test
    void after_erasure_no_idempotency_record_holds_the_users_email_or_display_name() {
        post(key, """
                {"displayName":"Alice Pleasance","email":"alice@example.com"}""");

        assertThat(delete().status()).isEqualTo(204);

        assertThat(fakes.idempotency().everythingStored())
                .as("the registration's one record: its key, fingerprint, claim and result (the DELETE sent no key)")
                .hasSize(4)
                .allSatisfy(stored -> assertThat(stored).doesNotContainIgnoringCase("alice@example.com")
                        .doesNotContain("Alice Pleasance"));
    }

    @Test
    void a_replay_shows_the_user_as_they_are_now_at_the_first_responses_status_and_location() {
        HttpAnswer first = post(key, UserRoutesThroughLambdaTest.ALICE);
        HttpAnswer renamed = lambda.http("updateUser", ApiGatewayV2Events.request("PATCH", "/users/{id}", "/users/" + sub)
                .pathParameter("id", sub).as(sub).header("If-Match", first.header("ETag"))
                .jsonBody("{\"displayName\":\"Alice Liddell\"}"));

        HttpAnswer replay = post(key, UserRoutesThroughLambdaTest.ALICE);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("ETag")).isEqualTo(renamed.header("ETag"));
        assertThat(replay.body()).isEqualTo(renamed.body());
    }

    @Test
    void a_replay_after_erasure_is_404_and_registers_nothing() {
        post(key, UserRoutesThroughLambdaTest.ALICE);
        delete();

        HttpAnswer replay = post(key, UserRoutesThroughLambdaTest.ALICE);

        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.problemType()).isEqualTo("urn:eventsuite:problem:not-found");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body().toString()).doesNotContain("alice@example.com");
        assertThat(fakes.publisher().publishedOfType(UserRegistered.class))
                .filteredOn(e -> e.userId().value().equals(sub)).hasSize(1);
    }

    @Test
    void an_already_registered_answer_is_replayed_as_stored() {
        post(null, UserRoutesThroughLambdaTest.ALICE);
        HttpAnswer first = post(key, UserRoutesThroughLambdaTest.ALICE);

        HttpAnswer replay = post(key, UserRoutesThroughLambdaTest.ALICE);

        assertThat(first.status()).isEqualTo(409);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.problemType()).isEqualTo("urn:eventsuite:problem:already-exists");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    }

    private HttpAnswer delete() {
        return lambda.http("deleteUser", ApiGatewayV2Events.request("DELETE", "/users/{id}", "/users/" + sub)
                .pathParameter("id", sub).as(sub));
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
