package io.eventsuite.domain.event;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.NotificationPreferences;

import java.util.Objects;

/**
 * A user registered. It carries the whole state with its version: 1 for an id's first registration, and for
 * a registration after an erasure the version after the erasure's, so that "store if newer" holds across both
 * lives of the id (an event of the erased life can never overwrite the new one, nor the other way round).
 */
public record UserRegistered(UserId userId, long version, String displayName, Email email,
                             NotificationPreferences preferences) implements DomainEvent {

    public static final String TYPE = "io.eventsuite.user.registered.v1";

    public UserRegistered {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferences, "preferences");
        if (version < 1) {
            throw new IllegalArgumentException("a registration produces version 1 or later, not " + version);
        }
    }

    /** The first registration of an id: version 1. */
    public UserRegistered(UserId userId, String displayName, Email email, NotificationPreferences preferences) {
        this(userId, 1, displayName, email, preferences);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return userId.value();
    }
}
