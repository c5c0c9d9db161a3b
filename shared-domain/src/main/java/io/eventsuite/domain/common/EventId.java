package io.eventsuite.domain.common;

/**
 * Identifies one event (the CloudEvents {@code id}); consumers are idempotent on it.
 *
 * <p>Non-blank, at most 128 characters of {@code [A-Za-z0-9_-]}. Violations are reported on the field
 * {@code eventId}; callers that read it from another field rebase them with {@link Violations#attempt}.
 */
public record EventId(String value) {

    public EventId {
        Identifiers.validate(value, "eventId");
    }

    @Override
    public String toString() {
        return value;
    }
}
