package io.eventsuite.domain.event;

import java.util.List;

/**
 * Port: hands events to the message bus (SNS in AWS).
 *
 * <p>Use cases call it <em>after</em> the aggregate and its pending events were written together in one
 * item; that write is the commit point. Publishing is best effort: an event that could not be published
 * stays pending with its aggregate and the scheduled relay publishes it later, so nothing is lost.
 * Implementations therefore must not throw for transport failures; they also mark the events they did
 * publish as no longer pending. Publishing twice is harmless, because consumers deduplicate on event id.
 */
public interface EventPublisher {

    void publish(List<EventEnvelope> events);
}
