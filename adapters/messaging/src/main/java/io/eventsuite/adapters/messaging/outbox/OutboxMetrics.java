package io.eventsuite.adapters.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox counters, tagged by topic name. Both count events, not calls:
 * {@value #PUBLISHED} each event SNS accepted, {@value #LEFT_PENDING} each time a publish left an event pending for
 * the relay. An outage shows as the second rising while the first stalls; the relay catching up shows as the first
 * rising again. (The number of events pending right now is the store's to tell.)
 */
final class OutboxMetrics {

    static final String PUBLISHED = "eventsuite.outbox.published";
    static final String LEFT_PENDING = "eventsuite.outbox.left.pending";

    private final Counter published;
    private final Counter leftPending;

    OutboxMetrics(MeterRegistry meters, String topicName) {
        this.published = Counter.builder(PUBLISHED)
                .description("Events SNS accepted from the outbox")
                .baseUnit("events")
                .tag("topic", topicName)
                .register(meters);
        this.leftPending = Counter.builder(LEFT_PENDING)
                .description("Events a publish left pending for the relay")
                .baseUnit("events")
                .tag("topic", topicName)
                .register(meters);
    }

    void published(int events) {
        if (events > 0) {
            published.increment(events);
        }
    }

    void leftPending(int events) {
        if (events > 0) {
            leftPending.increment(events);
        }
    }
}
