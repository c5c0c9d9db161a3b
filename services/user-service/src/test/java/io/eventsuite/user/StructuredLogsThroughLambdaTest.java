package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an invocation writes to the log, through the real Lambda entry point: JSON lines that carry the
 * invocation's ids and trace, and never the token, the body or the caller's personal data (the adapter's own
 * logging of whole events is turned down by the platform's defaults).
 */
@DisplayName("structured logs through FunctionInvoker")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsThroughLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final UserServiceWithFakes.Fakes fakes = UserServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);

    @Test
    void an_invocation_logs_json_lines_with_its_ids_and_trace_and_nothing_personal(CapturedOutput output) {
        String sub = "user-" + UUID.randomUUID();
        String email = "private-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String correlationId = "corr-" + UUID.randomUUID();
        ApiGatewayV2Events request = ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .verifiedEmail(email).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Correlation-Id", correlationId)
                .jsonBody("{\"displayName\":\"Private Person\",\"email\":\"" + email + "\"}");

        assertThat(lambda.http("registerUser", request).status()).isEqualTo(201);

        List<JsonNode> lines = output.getOut().lines()
                .filter(line -> line.startsWith("{") && line.contains(correlationId))
                .map(JSON::readTree)
                .toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("correlationId").asString()).isEqualTo(correlationId);
            assertThat(line.path("traceId").asString()).isEqualTo(traceId);
            assertThat(line.path("spanId").asString()).isEqualTo("00f067aa0ba902b7");
            assertThat(line.path("functionName").asString()).isEqualTo("registerUser");
            assertThat(line.path("awsRequestId").asString()).isNotBlank();
            assertThat(line.path("coldStart").asString()).isIn("true", "false");
        });
        assertThat(lines).anySatisfy(line ->
                assertThat(line.path("message").asString()).isEqualTo("POST /users answered 201"));
        assertThat(output.getAll()).doesNotContain(email, "Private Person", "Bearer ", request.toJson());
    }
}
