package io.eventsuite.platform.events;

import io.eventsuite.domain.event.EventEnvelope;

/** An event read from the wire, with the transport context it travelled with. */
public record DecodedEvent(EventEnvelope envelope, TransportContext context) {
}
