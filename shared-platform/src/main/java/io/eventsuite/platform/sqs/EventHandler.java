package io.eventsuite.platform.sqs;

import io.eventsuite.domain.event.EventEnvelope;

/**
 * The part of an event consumer that is the service's own: hand one decoded event to its use case and say
 * whether it is done. Handlers must be idempotent on the event id: delivery is at least once.
 */
@FunctionalInterface
public interface EventHandler {

    Handling handle(EventEnvelope event);
}
