package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import io.eventsuite.platform.testing.SqsEvents;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spans through the real Lambda entry point: the route's server span continues the caller's trace, the event it
 * emits names that span (not the caller's) as parent, the consumer's span is its child; the sampled flag flows
 * as the sampler decided; bad trace headers start a new trace; no attribute holds a token, a body or an identity.
 */
@DisplayName("tracing through FunctionInvoker")
class TracingThroughLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BEARER = "eyJraWQiOiJ0ZXN0IiwiYWxnIjoiUlMyNTYifQ.e30.c2lnbmF0dXJl";

    static {
        // Generous on a busy build machine; the deployed bound (50 ms) is the platform default.
        System.setProperty("eventsuite.tracing.flush-timeout", "PT5S");
    }

    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(TracedOrderService.class);
    private final String customer = "cust-" + UUID.randomUUID();

    @Test
    void a_sampled_request_is_one_trace_from_the_callers_span_through_the_event_to_the_consumer() {
        String traceId = hex(16);
        String callerSpan = hex(8);

        HttpAnswer answer = placeOrder("00-" + traceId + "-" + callerSpan + "-01");

        assertThat(answer.status()).isEqualTo(201);
        SpanData server = onlySpan(traceId, SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
        assertThat(server.getSpanId()).isNotEqualTo(callerSpan);
        assertThat(server.getName()).isEqualTo("POST /orders");
        Map<String, String> attributes = attributes(server);
        assertThat(attributes).containsEntry("http.route", "/orders").containsEntry("http.request.method", "POST")
                .containsEntry("http.response.status_code", "201").containsEntry("faas.name", "placeOrder")
                .containsKeys("faas.invocation_id", "faas.coldstart");
        assertThat(answer.header("traceresponse")).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");

        String emitted = publishedIn(traceId);
        assertThat(JSON.readTree(emitted).path("traceparent").asString())
                .isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");

        consume(JSON.readTree(emitted).path("traceparent").asString());

        SpanData consumer = onlySpan(traceId, SpanKind.CONSUMER);
        assertThat(consumer.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(attributes(consumer)).containsEntry("messaging.system", "aws_sqs")
                .containsEntry("messaging.destination.name", "order-service-user-deleted")
                .containsEntry("cloudevents.event_type", "io.eventsuite.user.deleted.v1")
                .containsEntry("faas.name", "cancelOrdersOfDeletedUser")
                .containsKeys("messaging.message.id", "cloudevents.event_id");
    }

    @Test
    void an_unsampled_request_exports_nothing_but_still_hands_on_its_own_span_unsampled() {
        String traceId = hex(16);
        String callerSpan = hex(8);

        assertThat(placeOrder("00-" + traceId + "-" + callerSpan + "-00").status()).isEqualTo(201);

        String traceparent = JSON.readTree(publishedIn(traceId)).path("traceparent").asString();
        assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith("-00")
                .doesNotContain(callerSpan);
        consume(traceparent);
        assertThat(spansOf(traceId)).isEmpty();
    }

    @Test
    void without_a_traceparent_lambdas_xray_header_is_the_parent() {
        String epoch = hex(4);
        String rest = hex(12);
        String facade = hex(8);
        System.setProperty("com.amazonaws.xray.traceHeader",
                "Root=1-" + epoch + "-" + rest + ";Parent=" + facade + ";Sampled=1");
        try {
            assertThat(placeOrder(null).status()).isEqualTo(201);
        } finally {
            System.clearProperty("com.amazonaws.xray.traceHeader");
        }

        assertThat(onlySpan(epoch + rest, SpanKind.SERVER).getParentSpanId()).isEqualTo(facade);
    }

    @Test
    void a_malformed_traceparent_starts_a_new_trace_and_the_request_succeeds() {
        int before = TracedOrderService.SPANS.getFinishedSpanItems().size();

        HttpAnswer answer = placeOrder("00-not-a-trace-01");

        assertThat(answer.status()).isEqualTo(201);
        String newTrace = answer.header("traceresponse").split("-")[1];
        SpanData server = onlySpan(newTrace, SpanKind.SERVER);
        assertThat(server.getParentSpanContext().isValid()).isFalse();
        assertThat(TracedOrderService.SPANS.getFinishedSpanItems().size()).isGreaterThan(before);
    }

    @Test
    void a_poison_message_is_an_error_span() {
        String traceId = hex(16);
        SqsEvents batch = SqsEvents.batchFrom("order-service-user-deleted");
        batch.add("{not json at all", Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

        lambda.invoke("cancelOrdersOfDeletedUser", batch.toJson());

        assertThat(onlySpan(traceId, SpanKind.CONSUMER).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void no_span_attribute_holds_the_token_the_body_or_the_callers_identity() {
        String traceId = hex(16);
        placeOrder("00-" + traceId + "-" + hex(8) + "-01");
        consume(JSON.readTree(publishedIn(traceId)).path("traceparent").asString());

        assertThat(spansOf(traceId)).hasSize(2).allSatisfy(span -> assertThat(attributes(span).values())
                .noneMatch(value -> value.contains(BEARER) || value.contains(customer) || value.contains("sku")
                        || value.contains("{")));
    }

    private HttpAnswer placeOrder(String traceparent) {
        ApiGatewayV2Events request = ApiGatewayV2Events.request("POST", "/orders", "/orders").as(customer)
                .jsonBody(OrderRoutesThroughLambdaTest.TWO_LINES);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return lambda.http("placeOrder", request);
    }

    /** Delivers a UserDeleted for this test's customer, carrying {@code traceparent} as the publisher sets it. */
    private void consume(String traceparent) {
        SqsEvents batch = SqsEvents.batchFrom("order-service-user-deleted");
        batch.add(UserDeletedConsumerThroughLambdaTest.userDeleted(UUID.randomUUID().toString(), customer)
                        .replaceAll("\"traceparent\":\"[^\"]+\"", "\"traceparent\":\"" + traceparent + "\""),
                Map.of("type", "io.eventsuite.user.deleted.v1", "traceparent", traceparent));
        JsonNode response = lambda.invoke("cancelOrdersOfDeletedUser", batch.toJson());
        assertThat(response.path("batchItemFailures").size()).isZero();
    }

    private static String publishedIn(String traceId) {
        return TracedOrderService.PUBLISHED.stream().filter(event -> event.contains(traceId)).findFirst()
                .orElseThrow(() -> new AssertionError("no event was published in trace " + traceId));
    }

    private static SpanData onlySpan(String traceId, SpanKind kind) {
        List<SpanData> spans = spansOf(traceId).stream().filter(s -> s.getKind() == kind).toList();
        assertThat(spans).as("%s spans of trace %s", kind, traceId).hasSize(1);
        return spans.getFirst();
    }

    private static List<SpanData> spansOf(String traceId) {
        return TracedOrderService.SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static Map<String, String> attributes(SpanData span) {
        Map<String, String> values = new java.util.HashMap<>();
        span.getAttributes().forEach((key, value) -> values.put(key.getKey(), String.valueOf(value)));
        return values;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
