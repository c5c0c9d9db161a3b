package io.eventsuite.domain.event;

import io.eventsuite.domain.common.EventId;

import java.time.Instant;
import java.util.Objects;

/**
 * A domain event as it travels: a CloudEvents 1.0 event in JSON structured mode.
 *
 * <p>The envelope is created when the event happens and stored with the aggregate as "pending", so the
 * relay republishes the very same id and time; consumers deduplicate on {@link #id()}. The tracing
 * extensions ({@code traceparent}, {@code correlationid}) are transport concerns added by the platform.
 *
 * @param id      unique per event, stable across redeliveries
 * @param source  the producing service, one of {@link EventSources}
 * @param type    always {@code data.type()}
 * @param subject always {@code data.subject()}
 * @param time    when it happened, from the producer's clock
 * @param data    the event itself
 */
public record EventEnvelope(EventId id, String source, String type, String subject, Instant time, DomainEvent data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        // A type or subject that disagrees with the data would route or deduplicate the event wrongly.
        if (!data.type().equals(type)) {
            throw new IllegalArgumentException("type " + type + " does not match data of type " + data.type());
        }
        if (!data.subject().equals(subject)) {
            throw new IllegalArgumentException("subject " + subject + " does not match data about " + data.subject());
        }
    }

    /** Wraps an event, taking type and subject from it. */
    public static EventEnvelope wrap(EventId id, String source, Instant time, DomainEvent data) {
        Objects.requireNonNull(data, "data");
        return new EventEnvelope(id, source, data.type(), data.subject(), time, data);
    }

    public String specversion() {
        return SPEC_VERSION;
    }

    public String datacontenttype() {
        return DATA_CONTENT_TYPE;
    }
}
