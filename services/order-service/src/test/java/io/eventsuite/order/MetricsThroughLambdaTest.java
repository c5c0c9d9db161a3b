package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import io.eventsuite.platform.testing.SqsEvents;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each invocation writes one CloudWatch EMF line, dimensioned by service and function, through the entry point. */
@DisplayName("metrics through FunctionInvoker")
@ExtendWith(OutputCaptureExtension.class)
class MetricsThroughLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(OrderServiceWithFakes.class);

    @Test
    void an_http_invocation_writes_one_emf_line_for_its_service_and_function(CapturedOutput output) {
        lambda.http("placeOrder", ApiGatewayV2Events.request("POST", "/orders", "/orders")
                .as("cust-" + UUID.randomUUID()).jsonBody(OrderRoutesThroughLambdaTest.TWO_LINES));

        List<JsonNode> lines = emfLines(output);
        assertThat(lines).hasSize(1);
        JsonNode line = lines.getFirst();
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"service\",\"function\"]]");
        assertThat(line.path("service").asString()).isEqualTo("order-service");
        assertThat(line.path("function").asString()).isEqualTo("placeOrder");
        assertThat(line.has("ColdStarts")).isTrue();
    }

    @Test
    void a_batch_reports_its_item_failures(CapturedOutput output) {
        SqsEvents batch = SqsEvents.batchFrom("order-service-user-deleted");
        batch.add("{not json at all");
        batch.add("{nor this");

        lambda.invoke("cancelOrdersOfDeletedUser", batch.toJson());

        assertThat(emfLines(output)).singleElement().satisfies(line -> {
            assertThat(line.path("function").asString()).isEqualTo("cancelOrdersOfDeletedUser");
            assertThat(line.path("BatchItemFailures").asDouble()).isEqualTo(2.0);
        });
    }

    private static List<JsonNode> emfLines(CapturedOutput output) {
        return output.getOut().lines().filter(l -> l.startsWith("{\"_aws\"")).map(JSON::readTree).toList();
    }
}
