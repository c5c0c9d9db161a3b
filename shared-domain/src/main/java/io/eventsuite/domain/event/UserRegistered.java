package io.eventsuite.domain.event;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.NotificationPreferences;

import java.util.Objects;

/** A user registered; the state is version 1 of the user. */
public record UserRegistered(UserId userId, String displayName, Email email, NotificationPreferences preferences)
        implements DomainEvent {

    public static final String TYPE = "io.eventsuite.user.registered.v1";

    public UserRegistered {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferences, "preferences");
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
