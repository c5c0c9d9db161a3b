package io.eventsuite.domain.event;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.NotificationPreferences;

import java.util.Objects;

/**
 * A user changed. It carries the whole new state, not a diff, together with its version, so a consumer can
 * keep a projection with "apply if newer" and never needs the events in order.
 */
public record UserUpdated(UserId userId, long version, String displayName, Email email,
                          NotificationPreferences preferences) implements DomainEvent {

    public static final String TYPE = "io.eventsuite.user.updated.v1";

    public UserUpdated {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferences, "preferences");
        if (version < 2) {
            throw new IllegalArgumentException("an update produces version 2 or later, not " + version);
        }
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
