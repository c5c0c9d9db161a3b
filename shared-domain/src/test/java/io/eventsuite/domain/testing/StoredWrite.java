package io.eventsuite.domain.testing;

import io.eventsuite.domain.event.EventEnvelope;

import java.util.List;

/**
 * One successful write an in-memory repository received: the operation, the aggregate state written and the
 * events stored with it in the same call. Tests assert on it that an aggregate and its events went together.
 */
public record StoredWrite<T>(String operation, T aggregate, List<EventEnvelope> pending) {

    public StoredWrite {
        pending = List.copyOf(pending);
    }
}
