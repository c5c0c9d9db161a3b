package io.eventsuite.adapters.messaging.testing;

import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.outbox.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The outbox as the repositories keep it, in memory: aggregates with their pending events, oldest first (in the
 * order written), each event written at its CloudEvent's {@code time}. It can be told to fail {@code markPublished},
 * as a DynamoDB outage would.
 */
public final class InMemoryPendingEvents implements PendingEvents {

    private final Map<String, List<StoredEvent>> pending = new LinkedHashMap<>();
    private final Map<String, Integer> refusals = new HashMap<>();
    private final List<String> parked = new ArrayList<>();
    private final AtomicInteger marksToFail = new AtomicInteger();
    private volatile Consumer<String> onMarked = aggregateId -> { };

    /** The use case's single-item write: the aggregate with new pending events. */
    public synchronized void write(String aggregateId, StoredEvent... events) {
        pending.computeIfAbsent(aggregateId, id -> new ArrayList<>()).addAll(List.of(events));
    }

    @Override
    public synchronized List<PendingBatch> oldest(int limit, Instant writtenBefore) {
        return pending.entrySet().stream()
                .map(e -> new PendingBatch(e.getKey(), e.getValue().stream()
                        .filter(event -> writtenAt(event).isBefore(writtenBefore)).toList()))
                .filter(batch -> !batch.events().isEmpty())
                .limit(limit)
                .toList();
    }

    @Override
    public void markPublished(String aggregateId, List<String> eventIds) {
        if (marksToFail.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new IllegalStateException("injected: the outbox store is unavailable");
        }
        synchronized (this) {
            remove(aggregateId, eventIds);
        }
        onMarked.accept(aggregateId);
    }

    @Override
    public synchronized List<String> recordRefusals(String aggregateId, List<String> eventIds, int maxRefusals) {
        List<String> parkedNow = new ArrayList<>();
        for (String eventId : eventIds) {
            if (refusals.merge(eventId, 1, Integer::sum) >= maxRefusals) {
                parkedNow.add(eventId);
            }
        }
        remove(aggregateId, parkedNow);
        parked.addAll(parkedNow);
        return parkedNow;
    }

    @Override
    public synchronized int parkedCount() {
        return parked.size();
    }

    private void remove(String aggregateId, List<String> eventIds) {
        List<StoredEvent> events = pending.get(aggregateId);
        if (events != null) {
            events.removeIf(e -> eventIds.contains(e.eventId()));
            if (events.isEmpty()) {
                pending.remove(aggregateId);
            }
        }
    }

    private static Instant writtenAt(StoredEvent event) {
        try {
            return new CloudEventCodec(TestEvents.JSON).decode(event.cloudEvent()).envelope().time();
        } catch (RuntimeException notDecodable) {
            return Instant.EPOCH; // a poison event made up by a test: written long ago
        }
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

    /** Ids of every parked event, in the order they were parked. */
    public synchronized List<String> parkedIds() {
        return List.copyOf(parked);
    }

    public synchronized boolean isEmpty() {
        return pending.values().stream().allMatch(List::isEmpty);
    }
}
