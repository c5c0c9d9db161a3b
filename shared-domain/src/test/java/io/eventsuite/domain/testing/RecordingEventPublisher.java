package io.eventsuite.domain.testing;

import io.eventsuite.domain.event.DomainEvent;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventPublisher} that records what it is given. {@link #failWith(RuntimeException)} makes it throw
 * instead, standing in for a broken bus (or a publisher that breaks its no-throw contract).
 */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<EventEnvelope> published = new ArrayList<>();
    private RuntimeException failure;

    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized void recover() {
        this.failure = null;
    }

    @Override
    public synchronized void publish(List<EventEnvelope> events) {
        if (failure != null) {
            throw failure;
        }
        published.addAll(events);
    }

    public synchronized List<EventEnvelope> published() {
        return List.copyOf(published);
    }

    public synchronized List<DomainEvent> publishedEvents() {
        return published.stream().map(EventEnvelope::data).toList();
    }

    /** The events of one type, for example {@code publishedOfType(OrderCancelled.class)}. */
    public synchronized <E extends DomainEvent> List<E> publishedOfType(Class<E> type) {
        return published.stream().map(EventEnvelope::data).filter(type::isInstance).map(type::cast).toList();
    }
}
