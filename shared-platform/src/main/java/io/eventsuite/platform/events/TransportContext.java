package io.eventsuite.platform.events;

import io.eventsuite.platform.observability.TraceParent;
import java.util.Optional;

/**
 * The CloudEvents extensions that carry an event's causal context across services: the W3C
 * {@code traceparent} and our {@code correlationid}. Both are optional; neither is business data.
 */
public record TransportContext(Optional<TraceParent> traceparent, Optional<String> correlationId) {

    public static final TransportContext NONE = new TransportContext(Optional.empty(), Optional.empty());
}
