package io.eventsuite.platform.metrics;

import io.micrometer.core.instrument.Meter;
import java.util.List;
import java.util.Optional;

/**
 * Which Micrometer meters become which CloudWatch metric: a meter's name (and, for a tagged family such as
 * Resilience4j's, one tag value) to a metric name and unit. Counters are reported as the increase since the last
 * invocation's line, gauges as their value now. Tags other than the one chosen (topic, breaker name) are summed
 * away: metrics are dimensioned by service and function only.
 */
record EmfMetric(String meterName, String tag, String tagValue, String metricName, String unit, boolean gauge) {

    /** Every metric an invocation line may carry. */
    static final List<EmfMetric> ALL = List.of(
            counter(InvocationMetrics.COLD_STARTS, "ColdStarts"),
            counter(InvocationMetrics.BATCH_ITEM_FAILURES, "BatchItemFailures"),
            counter(InvocationMetrics.IDEMPOTENCY_REPLAYS, "IdempotencyReplays"),
            counter("eventsuite.outbox.published", "OutboxPublished"),
            counter("eventsuite.outbox.left.pending", "OutboxLeftPending"),
            counter(InvocationMetrics.RELAY_PUBLISHED, "RelayPublished"),
            counter(InvocationMetrics.RELAY_STILL_PENDING, "RelayStillPending"),
            counter(InvocationMetrics.RELAY_FAILED, "RelayFailed"),
            counter(InvocationMetrics.RELAY_PARKED_NOW, "RelayParkedNow"),
            counter(InvocationMetrics.RELAY_RUNS_FAILED, "RelayRunsFailed"),
            counter(InvocationMetrics.RELAY_STOPPED_EARLY, "RelayStoppedEarly"),
            new EmfMetric(InvocationMetrics.OUTBOX_OLDEST_PENDING_AGE, null, null, "OutboxOldestPendingAge",
                    "Seconds", true),
            new EmfMetric("resilience4j.retry.calls", "kind", "successful_with_retry", "RetriedCallsSucceeded",
                    "Count", false),
            new EmfMetric("resilience4j.retry.calls", "kind", "failed_with_retry", "RetriedCallsFailed", "Count",
                    false),
            new EmfMetric("resilience4j.circuitbreaker.state", "state", "open", "CircuitBreakerOpen", "Count", true));

    private static EmfMetric counter(String meterName, String metricName) {
        return new EmfMetric(meterName, null, null, metricName, "Count", false);
    }

    static Optional<EmfMetric> of(Meter.Id id) {
        return ALL.stream()
                .filter(m -> m.meterName.equals(id.getName()))
                .filter(m -> m.tag == null || m.tagValue.equals(id.getTag(m.tag)))
                .findFirst();
    }
}
