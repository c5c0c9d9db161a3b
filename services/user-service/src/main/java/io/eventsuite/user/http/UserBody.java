package io.eventsuite.user.http;

import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.domain.user.User;
import java.time.Instant;

/** A user as the API shows it. */
record UserBody(String id, String displayName, String email, PreferencesBody preferences, long version,
        Instant createdAt, Instant updatedAt) {

    static UserBody of(User user) {
        return new UserBody(user.id().value(), user.displayName(), user.email().value(),
                PreferencesBody.of(user.preferences()), user.version(), user.createdAt(), user.updatedAt());
    }

    /** Notification preferences in requests and responses; in requests both flags must be given. */
    record PreferencesBody(Boolean orderUpdates, Boolean accountUpdates) {

        static PreferencesBody of(NotificationPreferences preferences) {
            return new PreferencesBody(preferences.orderUpdates(), preferences.accountUpdates());
        }
    }
}
