package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every user route, invoked through the real Lambda entry point ({@code FunctionInvoker.handleRequest})
 * with API Gateway HTTP API events as AWS sends them. Each test is its own user (a fresh token subject).
 */
@DisplayName("user routes through FunctionInvoker")
class UserRoutesThroughLambdaTest {

    private final UserServiceWithFakes.Fakes fakes = UserServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);
    private final String sub = "user-" + UUID.randomUUID();

    @Test
    void registering_answers_201_with_location_etag_and_emits_UserRegistered() {
        HttpAnswer answer = lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .verifiedEmail("alice@example.com").jsonBody("""
                {"displayName":"Alice","email":"Alice@Example.com","preferences":{"orderUpdates":false,"accountUpdates":true}}"""));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo("/users/" + sub);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
        assertThat(answer.body().path("id").asString()).isEqualTo(sub);
        assertThat(answer.body().path("email").asString()).isEqualTo("Alice@example.com");
        assertThat(answer.body().path("preferences").path("orderUpdates").asBoolean()).isFalse();
        assertThat(fakes.users().findById(new UserId(sub))).isPresent();
        assertThat(fakes.publisher().publishedOfType(UserRegistered.class))
                .filteredOn(e -> e.userId().value().equals(sub)).hasSize(1);
    }

    @Test
    void registering_twice_is_a_409_conflict() {
        register(sub, ALICE);

        HttpAnswer again = register(sub, ALICE);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("urn:eventsuite:problem:already-exists");
    }

    @Test
    void a_user_reads_their_own_profile_with_its_version_as_etag() {
        register(sub, ALICE);

        HttpAnswer answer = lambda.http("getUser", get(sub).as(sub));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("displayName").asString()).isEqualTo("Alice");
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void another_users_profile_reads_as_404_so_ids_cannot_be_probed() {
        register(sub, ALICE);

        HttpAnswer answer = lambda.http("getUser", get(sub).as("mallory-" + UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.problemType()).isEqualTo("urn:eventsuite:problem:not-found");
    }

    @Test
    void an_admin_reads_any_profile() {
        register(sub, ALICE);

        HttpAnswer answer = lambda.http("getUser", get(sub).asAdmin("admin-" + UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void patch_with_the_current_version_changes_the_profile_and_emits_UserUpdated() {
        register(sub, ALICE);

        HttpAnswer answer = lambda.http("updateUser", patch(sub).as(sub).header("If-Match", "\"1\"")
                .jsonBody("""
                        {"displayName":"Alice Liddell"}"""));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("ETag")).isEqualTo("\"2\"");
        assertThat(answer.body().path("displayName").asString()).isEqualTo("Alice Liddell");
        assertThat(fakes.publisher().publishedOfType(UserUpdated.class))
                .filteredOn(e -> e.userId().value().equals(sub))
                .singleElement().satisfies(e -> assertThat(e.version()).isEqualTo(2));
    }

    @Test
    void patch_with_a_stale_version_is_412_and_changes_nothing() {
        register(sub, ALICE);
        lambda.http("updateUser", patch(sub).as(sub).header("If-Match", "\"1\"").jsonBody("{\"displayName\":\"B\"}"));

        HttpAnswer stale = lambda.http("updateUser", patch(sub).as(sub).header("If-Match", "\"1\"")
                .jsonBody("{\"displayName\":\"C\"}"));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).isEqualTo("urn:eventsuite:problem:version-mismatch");
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(fakes.users().findById(new UserId(sub)).orElseThrow().displayName()).isEqualTo("B");
    }

    @Test
    void patch_without_if_match_is_428() {
        register(sub, ALICE);

        HttpAnswer answer = lambda.http("updateUser", patch(sub).as(sub).jsonBody("{\"displayName\":\"B\"}"));

        assertThat(answer.status()).isEqualTo(428);
        assertThat(answer.problemType()).isEqualTo("urn:eventsuite:problem:precondition-required");
    }

    @Test
    void delete_erases_the_user_and_emits_UserDeleted_then_the_profile_is_gone() {
        register(sub, ALICE);

        HttpAnswer deleted = lambda.http("deleteUser",
                ApiGatewayV2Events.request("DELETE", "/users/{id}", "/users/" + sub).pathParameter("id", sub).as(sub));
        HttpAnswer after = lambda.http("getUser", get(sub).as(sub));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.rawBody()).isNull();
        assertThat(after.status()).isEqualTo(404);
        assertThat(fakes.publisher().publishedOfType(UserDeleted.class))
                .filteredOn(e -> e.userId().value().equals(sub)).hasSize(1);
    }

    @Test
    void another_user_cannot_delete_a_profile() {
        register(sub, ALICE);

        HttpAnswer answer = lambda.http("deleteUser", ApiGatewayV2Events.request("DELETE", "/users/{id}", "/users/" + sub)
                .pathParameter("id", sub).as("mallory-" + UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(fakes.users().findById(new UserId(sub))).isPresent();
    }

    @Test
    void no_request_header_is_echoed_into_the_response() {
        HttpAnswer answer = lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .verifiedEmail("alice@example.com").header("X-Secret-Probe", "leak-me").jsonBody(ALICE));

        assertThat(answer.headers().keySet()).doesNotContainAnyElementsOf(
                java.util.List.of("authorization", "Authorization", "x-secret-probe", "X-Secret-Probe", "aws-context",
                        "x-forwarded-for", "host", "user-agent", "id", "timestamp"));
        assertThat(answer.headers().values()).noneMatch(v -> v.contains("leak-me") || v.startsWith("Bearer"));
        assertThat(answer.headers()).containsKeys("Content-Type", "Location", "ETag", "X-Correlation-Id",
                "Cache-Control", "X-Content-Type-Options");
    }

    @Test
    void a_base64_encoded_body_is_read_like_a_plain_one() {
        HttpAnswer answer = lambda.http("registerUser",
                ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                        .verifiedEmail("alice@example.com").base64Body(ALICE));

        assertThat(answer.status()).isEqualTo(201);
    }

    static final String ALICE = """
            {"displayName":"Alice","email":"alice@example.com"}""";

    private HttpAnswer register(String subject, String json) {
        return lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(subject)
                .verifiedEmail("alice@example.com").jsonBody(json));
    }

    private static ApiGatewayV2Events get(String id) {
        return ApiGatewayV2Events.request("GET", "/users/{id}", "/users/" + id).pathParameter("id", id);
    }

    private static ApiGatewayV2Events patch(String id) {
        return ApiGatewayV2Events.request("PATCH", "/users/{id}", "/users/" + id).pathParameter("id", id);
    }
}
