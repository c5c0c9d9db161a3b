package io.eventsuite.domain.notification;

/** PENDING: recorded, perhaps not yet sent. SENT: the channel accepted it. */
public enum NotificationStatus {
    PENDING,
    SENT
}
