package io.eventsuite.domain.event;

import io.eventsuite.domain.common.UserId;

import java.util.Objects;

/**
 * A user deleted their account. Consumers erase or anonymise what they hold about the user; it carries
 * no personal data itself, so it can stay in queues and DLQs without keeping the user alive there.
 *
 * @param version the erasure's own version, one after the user's last: a consumer keeps it in a tombstone, so
 *                that any event of the erased life (all older) arriving late is refused, while a later
 *                registration of the same id (newer) is not
 */
public record UserDeleted(UserId userId, long version) implements DomainEvent {

    public static final String TYPE = "io.eventsuite.user.deleted.v1";

    public UserDeleted {
        Objects.requireNonNull(userId, "userId");
        if (version < 2) {
            throw new IllegalArgumentException("an erasure follows at least version 1, so it is 2 or later, not "
                    + version);
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
