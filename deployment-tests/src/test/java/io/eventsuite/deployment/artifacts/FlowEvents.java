package io.eventsuite.deployment.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.eventsuite.deployment.artifacts.DeployedFunction.HttpReply;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The events the flow of {@link FunctionArtifactsRunAsLambdaTest} sends, and its checks of what comes back. */
final class FlowEvents {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TWO_LINES = """
            {"lines":[
              {"sku":"BOOK-1","quantity":2,"unitPrice":{"minorUnits":1250,"currency":"EUR"}},
              {"sku":"PEN-7","quantity":1,"unitPrice":{"minorUnits":199,"currency":"EUR"}}]}""";

    private FlowEvents() {
    }

    static String email(String user) {
        return user + "@example.com";
    }

    static String userBody(String displayName, String user) {
        return "{\"displayName\":\"" + displayName + "\",\"email\":\"" + email(user) + "\"}";
    }

    static ApiGatewayV2Events post(String route, String path) {
        return ApiGatewayV2Events.request("POST", route, path);
    }

    static ApiGatewayV2Events userRequest(String method, String id) {
        return ApiGatewayV2Events.request(method, "/users/{id}", "/users/" + id).pathParameter("id", id);
    }

    static ApiGatewayV2Events orderRequest(String method, String route, String id, String suffix) {
        return ApiGatewayV2Events.request(method, route, "/orders/" + id + suffix).pathParameter("id", id);
    }

    static UserUpdated updated(String user, String displayName) {
        return new UserUpdated(new UserId(user), 2, displayName, new Email(email(user)), NotificationPreferences.DEFAULT);
    }

    /** An EventBridge scheduled event, as a Schedule event source delivers it. */
    static String scheduledEvent(String rule) {
        return """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",\
                "account":"123456789012","time":"%s","region":"us-east-1",\
                "resources":["arn:aws:events:us-east-1:123456789012:rule/eventsuite-dev-%s"],"detail":{}}"""
                .formatted(UUID.randomUUID(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), rule);
    }

    static void assertAnswer(HttpReply reply, int status, String contentType) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as("Content-Type of %s", reply).isEqualTo(contentType);
    }

    static void assertNoBatchItemFailures(JsonNode answer) {
        assertThat(answer.has("batchItemFailures")).as("a partial batch response: %s", answer).isTrue();
        assertThat(answer.path("batchItemFailures").isArray()).as("batchItemFailures of %s", answer).isTrue();
        assertThat(answer.path("batchItemFailures").size()).as("batchItemFailures of %s", answer).isZero();
    }

    static void assertBatchItemFailures(JsonNode answer, String... messageIds) {
        assertThat(answer.path("batchItemFailures").valueStream().map(f -> f.path("itemIdentifier").asString()))
                .as("batchItemFailures of %s", answer).containsExactlyInAnyOrder(messageIds);
    }

    static void assertRelayReport(JsonNode report, int published) {
        assertThat(report.has("published")).as("a relay report: %s", report).isTrue();
        assertThat(report.path("published").asInt()).as("published, in %s", report).isEqualTo(published);
        assertThat(report.path("stoppedBy").asString()).as("stoppedBy, in %s", report).isEqualTo("COMPLETED");
    }

    static void requires(Object... earlierResults) {
        assumeTrue(Stream.of(earlierResults).allMatch(Objects::nonNull), "needs what an earlier step created");
    }
}
