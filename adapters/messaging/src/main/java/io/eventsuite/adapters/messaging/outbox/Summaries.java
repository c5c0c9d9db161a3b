package io.eventsuite.adapters.messaging.outbox;

import io.eventsuite.adapters.messaging.sns.PublishResult.Unpublished;
import io.eventsuite.domain.event.EventEnvelope;
import java.util.List;
import java.util.stream.Collectors;

/** Log-safe descriptions of events: ids, types and reasons only, never a payload; long lists are cut. */
final class Summaries {

    static final int MAX_LISTED = 20;

    private Summaries() {
    }

    static String ofEnvelopes(List<EventEnvelope> events) {
        return cut(events.stream().map(e -> e.id().value() + " (" + e.type() + ")").toList());
    }

    static String ofUnpublished(List<Unpublished> events) {
        return cut(events.stream().map(u -> u.eventId() + " (" + u.type() + "): " + u.reason()).toList());
    }

    private static String cut(List<String> items) {
        String listed = items.stream().limit(MAX_LISTED).collect(Collectors.joining("; ", "[", ""));
        return items.size() > MAX_LISTED ? listed + "; and " + (items.size() - MAX_LISTED) + " more]" : listed + "]";
    }
}
