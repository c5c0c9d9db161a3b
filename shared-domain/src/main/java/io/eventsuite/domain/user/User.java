package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered user of the suite: who they are and how they want to be notified.
 *
 * @param version starts at 1 and grows by one with every change; clients send it back (If-Match) so a change
 *                made on a stale copy is refused instead of silently overwriting someone else's. An erasure takes
 *                the next version, and registering the id again the one after: one sequence across every life
 *                of the id
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
        return register(command, 1, now);
    }

    /** A user registered at {@code version}: 1 for a new id, the version after its erasure for an erased one. */
    public static User register(RegisterUser command, long version, Instant now) {
        return new User(command.id(), command.displayName(), command.email(), command.preferences(), version, now,
                now);
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
