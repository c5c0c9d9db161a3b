package io.eventsuite.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.outbox.StoredEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("the age of the oldest pending outbox event")
class OldestPendingAgeTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<PendingBatch> pending = new ArrayList<>();
    private final OldestPendingAge outbox = new OldestPendingAge(new PendingEvents() {
        @Override
        public List<PendingBatch> oldest(int limit, Instant writtenBefore) {
            return List.copyOf(pending);
        }

        @Override
        public void markPublished(String aggregateId, List<String> eventIds) {
        }

        @Override
        public List<String> recordRefusals(String aggregateId, List<String> eventIds, int maxRefusals) {
            return List.of();
        }

        @Override
        public int parkedCount() {
            return 0;
        }
    }, JsonMapper.builder().build(), Clock.fixed(Instant.parse("2026-12-01T10:10:00Z"), ZoneOffset.UTC), meters);

    @Test
    void is_measured_from_the_oldest_event_time_the_relay_reads_and_is_zero_when_nothing_is_pending() {
        pending.add(new PendingBatch("o-1", List.of(event("2026-12-01T10:04:00Z"), event("not a time"))));
        pending.add(new PendingBatch("o-2", List.of(event("2026-12-01T10:00:00Z"))));

        assertThat(outbox.oldest(10)).hasSize(2);
        assertThat(age()).isEqualTo(600.0);

        pending.clear();
        outbox.oldest(10);
        assertThat(age()).isZero();
    }

    private double age() {
        return meters.get(InvocationMetrics.OUTBOX_OLDEST_PENDING_AGE).gauge().value();
    }

    private static StoredEvent event(String time) {
        return new StoredEvent("e-" + time, "io.eventsuite.order.placed.v1", "{\"time\":\"" + time + "\"}");
    }
}
