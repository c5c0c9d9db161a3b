package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bad-input table, through the real Lambda entry point: every refusal is a precise problem+json answer,
 * never a 500 or a stack trace, and leaves nothing written.
 */
@DisplayName("bad input through FunctionInvoker")
class BadInputThroughLambdaTest {

    private final UserServiceWithFakes.Fakes fakes = UserServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);
    private final String sub = "user-" + UUID.randomUUID();

    @Test
    void malformed_json_is_400_malformed_json() {
        HttpAnswer answer = post("{\"displayName\": \"Alice\", ");

        assertProblem(answer, 400, "malformed-json");
        assertNothingWritten();
    }

    @Test
    void a_json_array_instead_of_an_object_is_400() {
        assertProblem(post("[1,2]"), 400, "malformed-json");
    }

    @Test
    void an_unknown_field_is_400_naming_the_field() {
        HttpAnswer answer = post("""
                {"displayName":"Alice","email":"alice@example.com","isAdmin":true}""");

        assertProblem(answer, 400, "unknown-field");
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("isAdmin");
        assertNothingWritten();
    }

    @Test
    void an_id_in_the_body_is_refused_since_identity_comes_only_from_the_token() {
        HttpAnswer answer = post("""
                {"id":"someone-else","displayName":"Alice","email":"alice@example.com"}""");

        assertProblem(answer, 400, "unknown-field");
        assertThat(fakes.users().findById(new UserId("someone-else"))).isEmpty();
    }

    @Test
    void a_body_wrapped_in_a_payload_field_is_not_unwrapped_but_refused() {
        HttpAnswer answer = post("""
                {"payload":{"displayName":"Alice","email":"alice@example.com"}}""");

        assertProblem(answer, 400, "unknown-field");
        assertNothingWritten();
    }

    @Test
    void missing_and_invalid_values_are_422_naming_every_field() {
        HttpAnswer answer = post("""
                {"displayName":"  ","email":"not-an-email"}""");

        assertProblem(answer, 422, "invalid-input");
        assertThat(answer.body().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("displayName", "email");
        assertNothingWritten();
    }

    @Test
    void a_value_of_the_wrong_type_is_422_naming_its_path() {
        HttpAnswer answer = post("""
                {"displayName":"Alice","email":"alice@example.com","preferences":{"orderUpdates":"yes please","accountUpdates":true}}""");

        assertProblem(answer, 422, "invalid-input");
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("preferences.orderUpdates");
    }

    @Test
    void an_incomplete_preferences_object_is_422_naming_the_missing_flag() {
        HttpAnswer answer = post("""
                {"displayName":"Alice","email":"alice@example.com","preferences":{"orderUpdates":true}}""");

        assertProblem(answer, 422, "invalid-input");
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("preferences.accountUpdates");
    }

    @Test
    void an_oversize_body_is_413_before_it_is_parsed() {
        String huge = "{\"displayName\":\"" + "a".repeat(70_000) + "\",\"email\":\"alice@example.com\"}";

        assertProblem(post(huge), 413, "payload-too-large");
        assertNothingWritten();
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_415() {
        HttpAnswer answer = lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .jsonBody("displayName=Alice").header("content-type", "application/x-www-form-urlencoded"));

        assertProblem(answer, 415, "unsupported-media-type");
    }

    @Test
    void a_request_without_authorizer_claims_is_401() {
        HttpAnswer answer = lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users")
                .anonymous().jsonBody(UserRoutesThroughLambdaTest.ALICE));

        assertProblem(answer, 401, "unauthenticated");
    }

    @Test
    void an_invalid_id_in_the_path_is_422_naming_the_parameter() {
        HttpAnswer answer = lambda.http("getUser", ApiGatewayV2Events.request("GET", "/users/{id}", "/users/a%20b")
                .pathParameter("id", "a b").as(sub));

        assertProblem(answer, 422, "invalid-input");
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("id");
    }

    @Test
    void a_malformed_if_match_is_400() {
        HttpAnswer answer = lambda.http("updateUser", ApiGatewayV2Events.request("PATCH", "/users/{id}", "/users/" + sub)
                .pathParameter("id", sub).as(sub).header("If-Match", "W/\"1\"").jsonBody("{\"displayName\":\"B\"}"));

        assertProblem(answer, 400, "invalid-request");
    }

    @Test
    void problems_carry_the_correlation_id_and_no_stack_trace() {
        HttpAnswer answer = lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .header("X-Correlation-Id", "corr-12345678").jsonBody("{oops"));

        assertThat(answer.body().path("instance").asString()).isEqualTo("corr-12345678");
        assertThat(answer.header("X-Correlation-Id")).isEqualTo("corr-12345678");
        assertThat(answer.rawBody()).doesNotContain("Exception", "at io.", "at tools.");
    }

    private HttpAnswer post(String json) {
        return lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .verifiedEmail("alice@example.com").jsonBody(json));
    }

    private void assertNothingWritten() {
        assertThat(fakes.users().findById(new UserId(sub))).isEmpty();
    }

    private static void assertProblem(HttpAnswer answer, int status, String slug) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.problemType()).isEqualTo("urn:eventsuite:problem:" + slug);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("title").asString()).isNotBlank();
        assertThat(answer.body().path("detail").asString()).isNotBlank();
    }
}
