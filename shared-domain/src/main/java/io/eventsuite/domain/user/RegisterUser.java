package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.common.Violations;

import java.util.Objects;

/**
 * Command: register the caller as a user.
 *
 * @param id          the caller's id from the token, never from the request body
 * @param displayName trimmed, 1 to 100 characters, no control characters
 * @param email       required
 * @param preferences {@link NotificationPreferences#DEFAULT} when absent
 */
public record RegisterUser(UserId id, String displayName, Email email, NotificationPreferences preferences) {

    public RegisterUser {
        Objects.requireNonNull(id, "id comes from the caller's token");
        Violations v = new Violations();
        displayName = DisplayNames.check(displayName, v);
        v.check(email != null, "email", "is required");
        v.throwIfAny();
        preferences = Objects.requireNonNullElse(preferences, NotificationPreferences.DEFAULT);
    }
}
