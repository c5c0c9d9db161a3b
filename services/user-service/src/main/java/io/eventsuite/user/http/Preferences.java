package io.eventsuite.user.http;

import io.eventsuite.domain.common.Violations;
import io.eventsuite.domain.user.NotificationPreferences;

/** Reads the optional preferences object of a request: absent means the defaults, present means complete. */
final class Preferences {

    private Preferences() {
    }

    static NotificationPreferences from(UserBody.PreferencesBody body, Violations v) {
        if (body == null) {
            return null;
        }
        v.check(body.orderUpdates() != null, "preferences.orderUpdates", "is required");
        v.check(body.accountUpdates() != null, "preferences.accountUpdates", "is required");
        if (body.orderUpdates() == null || body.accountUpdates() == null) {
            return null;
        }
        return new NotificationPreferences(body.orderUpdates(), body.accountUpdates());
    }
}
