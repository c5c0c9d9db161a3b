package io.eventsuite.domain.notification;

import io.eventsuite.domain.user.NotificationPreferences;

/** What a notification is about, which also decides which preference governs it. */
public enum NotificationKind {
    WELCOME,
    ORDER_PLACED,
    ORDER_CANCELLED;

    /** Whether a user with these preferences wants this kind: account updates for welcome, order updates for orders. */
    public boolean isWantedBy(NotificationPreferences preferences) {
        return switch (this) {
            case WELCOME -> preferences.accountUpdates();
            case ORDER_PLACED, ORDER_CANCELLED -> preferences.orderUpdates();
        };
    }
}
