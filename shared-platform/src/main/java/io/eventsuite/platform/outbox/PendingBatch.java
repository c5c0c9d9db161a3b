package io.eventsuite.platform.outbox;

import java.util.List;

/**
 * The unpublished events of one aggregate, as stored with it.
 *
 * @param aggregateId the aggregate's id (the events' CloudEvents {@code subject})
 * @param events      encoded CloudEvents, in the order they happened
 */
public record PendingBatch(String aggregateId, List<StoredEvent> events) {

    public PendingBatch {
        events = List.copyOf(events);
    }
}
