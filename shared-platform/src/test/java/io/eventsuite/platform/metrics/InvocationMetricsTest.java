package io.eventsuite.platform.metrics;

import io.eventsuite.platform.snapstart.PrimingPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("metrics as one EMF line per invocation")
class InvocationMetricsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> lines = new ArrayList<>();
    private final InvocationMetrics metrics = new InvocationMetrics(registry, "order-service", lines::add,
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_line_is_an_emf_document_dimensioned_by_service_and_function_only() {
        metrics.count(InvocationMetrics.COLD_STARTS, 1);

        metrics.flush("placeOrder");

        JsonNode line = JSON.readTree(lines.getFirst());
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1796119200000L);
        assertThat(directive.path("Namespace").asString()).isEqualTo("eventsuite");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"service\",\"function\"]]");
        assertThat(directive.path("Metrics").toString()).contains("{\"Name\":\"ColdStarts\",\"Unit\":\"Count\"}");
        assertThat(line.path("service").asString()).isEqualTo("order-service");
        assertThat(line.path("function").asString()).isEqualTo("placeOrder");
        assertThat(line.path("ColdStarts").asDouble()).isEqualTo(1.0);
    }

    /**
     * SnapStart priming invokes the function (a refused event, then a success answered in memory): what it counts
     * happened to no one, so no line is written for it, nor is it carried into the first real invocation's line.
     */
    @Test
    void what_priming_counts_is_neither_written_nor_carried_into_the_next_line() {
        PrimingPhase.run(() -> {
            metrics.count(InvocationMetrics.COLD_STARTS, 1);
            metrics.count(InvocationMetrics.BATCH_ITEM_FAILURES, 1);
            metrics.flush(null);
        });
        assertThat(lines).isEmpty();

        metrics.count(InvocationMetrics.COLD_STARTS, 1);
        metrics.count(InvocationMetrics.BATCH_ITEM_FAILURES, 0);
        metrics.flush("sendNotifications");

        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.path("ColdStarts").asDouble()).isEqualTo(1.0);
        assertThat(line.path("BatchItemFailures").asDouble()).isEqualTo(0.0);
    }

    @Test
    void counters_are_reported_as_their_increase_since_the_last_line_summed_over_other_tags() {
        Counter toOrders = Counter.builder("eventsuite.outbox.published").tag("topic", "orders").register(registry);
        Counter toUsers = Counter.builder("eventsuite.outbox.published").tag("topic", "users").register(registry);
        toOrders.increment(2);
        toUsers.increment(1);
        metrics.flush("relay");
        toOrders.increment(4);
        metrics.flush("relay");
        metrics.flush("relay");

        assertThat(lines).extracting(l -> JSON.readTree(l).path("OutboxPublished").asDouble())
                .containsExactly(3.0, 4.0, 0.0);
    }

    @Test
    void the_breaker_state_is_a_gauge_and_retries_are_told_apart_by_outcome() {
        AtomicInteger open = new AtomicInteger(1);
        registry.gauge("resilience4j.circuitbreaker.state",
                io.micrometer.core.instrument.Tags.of("name", "sns-publish", "state", "open"), open);
        registry.gauge("resilience4j.circuitbreaker.state",
                io.micrometer.core.instrument.Tags.of("name", "sns-publish", "state", "closed"), new AtomicInteger(0));
        Counter.builder("resilience4j.retry.calls").tags("name", "sns-publish", "kind", "failed_with_retry")
                .register(registry).increment();

        metrics.flush("placeOrder");

        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.path("CircuitBreakerOpen").asDouble()).isEqualTo(1.0);
        assertThat(line.path("RetriedCallsFailed").asDouble()).isEqualTo(1.0);
        assertThat(line.has("RetriedCallsSucceeded")).isFalse();
    }

    @Test
    void without_meters_of_ours_nothing_is_written_and_off_writes_nothing() {
        registry.counter("some.other.meter").increment();
        metrics.flush("placeOrder");
        InvocationMetrics.OFF.flush("placeOrder");

        assertThat(lines).isEmpty();
    }

    @Test
    void a_warm_invocation_still_writes_its_line_with_zero_cold_starts() {
        metrics.count(InvocationMetrics.COLD_STARTS, 0);

        metrics.flush("preTokenGeneration");

        assertThat(lines).singleElement().satisfies(line ->
                assertThat(JSON.readTree(line).path("ColdStarts").asDouble(-1)).isZero());
    }
}
