package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.NotificationPreferences;

import java.util.Objects;

/**
 * What the notification service knows about a user: a projection built from user events, so it can
 * address and honour preferences without calling the user service.
 *
 * @param version the user's version it reflects; an older event never overwrites a newer state
 */
public record Recipient(UserId id, String displayName, Email email, NotificationPreferences preferences, long version) {

    public Recipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferences, "preferences");
        if (version < 1) {
            throw new IllegalArgumentException("a user's version starts at 1, got " + version);
        }
    }

    public boolean wants(NotificationKind kind) {
        return kind.isWantedBy(preferences);
    }
}
