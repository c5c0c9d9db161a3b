package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered user of the suite: who they are and how they want to be notified.
 *
 * @param version starts at 1 and grows by one with every change; clients send it back (If-Match) so a change
 *                made on a stale copy is refused instead of silently overwriting someone else's
 */
public record User(UserId id, String displayName, Email email, NotificationPreferences preferences,
                   long version, Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, got " + version);
        }
    }

    /** Version 1 of a new user. */
    public static User register(RegisterUser command, Instant now) {
        return new User(command.id(), command.displayName(), command.email(), command.preferences(), 1, now, now);
    }

    /** The next version, with whatever the command changes. */
    public User change(UpdateUser command, Instant now) {
        return new User(id,
                command.displayName().orElse(displayName),
                command.email().orElse(email),
                command.preferences().orElse(preferences),
                version + 1, createdAt, now);
    }
}
