package io.eventsuite.adapters.messaging.testing;

import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.outbox.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The outbox as the repositories keep it, in memory: aggregates with their pending events, oldest first (in the
 * order written). It can be told to fail {@code markPublished}, as a DynamoDB outage would.
 */
public final class InMemoryPendingEvents implements PendingEvents {

    private final Map<String, List<StoredEvent>> pending = new LinkedHashMap<>();
    private final AtomicInteger marksToFail = new AtomicInteger();
    private volatile Consumer<String> onMarked = aggregateId -> { };

    /** The use case's single-item write: the aggregate with new pending events. */
    public synchronized void write(String aggregateId, StoredEvent... events) {
        pending.computeIfAbsent(aggregateId, id -> new ArrayList<>()).addAll(List.of(events));
    }

    @Override
    public synchronized List<PendingBatch> oldest(int limit) {
        return pending.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .limit(limit)
                .map(e -> new PendingBatch(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public void markPublished(String aggregateId, List<String> eventIds) {
        if (marksToFail.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new IllegalStateException("injected: the outbox store is unavailable");
        }
        synchronized (this) {
            List<StoredEvent> events = pending.get(aggregateId);
            if (events != null) {
                events.removeIf(e -> eventIds.contains(e.eventId()));
                if (events.isEmpty()) {
                    pending.remove(aggregateId);
                }
            }
        }
        onMarked.accept(aggregateId);
    }

    /** The next {@code calls} markPublished calls fail. */
    public void failMarks(int calls) {
        marksToFail.set(calls);
    }

    /** Runs after each successful markPublished (to let time pass, for example). */
    public void onMarked(Consumer<String> action) {
        onMarked = action;
    }

    /** Ids of every pending event, in order. */
    public synchronized List<String> pendingIds() {
        return pending.values().stream().flatMap(List::stream).map(StoredEvent::eventId).toList();
    }

    public synchronized boolean isEmpty() {
        return pending.values().stream().allMatch(List::isEmpty);
    }
}
