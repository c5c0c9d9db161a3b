package io.eventsuite.domain.event;

import io.eventsuite.domain.common.UserId;

import java.util.Objects;

/**
 * A user deleted their account. Consumers erase or anonymise what they hold about the user; it carries
 * no personal data itself, so it can stay in queues and DLQs without keeping the user alive there.
 */
public record UserDeleted(UserId userId) implements DomainEvent {

    public static final String TYPE = "io.eventsuite.user.deleted.v1";

    public UserDeleted {
        Objects.requireNonNull(userId, "userId");
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
