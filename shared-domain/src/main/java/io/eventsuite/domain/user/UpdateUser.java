package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.common.Violations;

import java.util.Objects;
import java.util.Optional;

/**
 * Command: change some of a user's details (a JSON merge patch: absent fields stay as they are).
 *
 * @param expectedVersion the version the client last read (If-Match or {@code version}), at least 1;
 *                        violations are reported on the field {@code version}
 */
public record UpdateUser(UserId id, long expectedVersion, Optional<String> displayName, Optional<Email> email,
                         Optional<NotificationPreferences> preferences) {

    public UpdateUser {
        Objects.requireNonNull(id, "id");
        displayName = Objects.requireNonNullElse(displayName, Optional.empty());
        email = Objects.requireNonNullElse(email, Optional.empty());
        preferences = Objects.requireNonNullElse(preferences, Optional.empty());
        Violations v = new Violations();
        v.check(expectedVersion >= 1, "version", "must be 1 or more");
        if (displayName.isPresent()) {
            displayName = Optional.ofNullable(DisplayNames.check(displayName.get(), v));
        }
        v.check(displayName.isPresent() || email.isPresent() || preferences.isPresent(), "body",
                "must change at least one of displayName, email, preferences");
        v.throwIfAny();
    }
}
