package io.eventsuite.adapters.wiring;

import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.outbox.StoredEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's view of the outbox, measuring as it reads: the age of the oldest pending event (from its CloudEvent
 * {@code time}; the relay reads oldest first), 0 when nothing is pending. Events younger than the relay's minimum
 * age are not read, and parked events are not listed (they fail the relay's invocation instead, see RelayFunction). Reported as the gauge
 * {@value InvocationMetrics#OUTBOX_OLDEST_PENDING_AGE} in seconds, which the template alarms on past 5 minutes.
 */
final class OldestPendingAge implements PendingEvents {

    private final PendingEvents outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicLong seconds = new AtomicLong();

    OldestPendingAge(PendingEvents outbox, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        Gauge.builder(InvocationMetrics.OUTBOX_OLDEST_PENDING_AGE, seconds, AtomicLong::get)
                .baseUnit("seconds").register(meters);
    }

    @Override
    public List<PendingBatch> oldest(int limit, Instant writtenBefore) {
        List<PendingBatch> batches = outbox.oldest(limit, writtenBefore);
        Instant oldest = null;
        for (PendingBatch batch : batches) {
            for (StoredEvent event : batch.events()) {
                Instant time = timeOf(event);
                if (time != null && (oldest == null || time.isBefore(oldest))) {
                    oldest = time;
                }
            }
        }
        seconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
        return batches;
    }

    @Override
    public void markPublished(String aggregateId, List<String> eventIds) {
        outbox.markPublished(aggregateId, eventIds);
    }

    @Override
    public List<String> recordRefusals(String aggregateId, List<String> eventIds, int maxRefusals) {
        return outbox.recordRefusals(aggregateId, eventIds, maxRefusals);
    }

    @Override
    public int parkedCount() {
        return outbox.parkedCount();
    }

    private Instant timeOf(StoredEvent event) {
        try {
            JsonNode time = json.readTree(event.cloudEvent()).get("time");
            return time != null && time.isString() ? Instant.parse(time.asString()) : null;
        } catch (JacksonException | DateTimeParseException unreadable) {
            return null; // the relay publishes it as stored all the same; its age is just not measured
        }
    }
}
