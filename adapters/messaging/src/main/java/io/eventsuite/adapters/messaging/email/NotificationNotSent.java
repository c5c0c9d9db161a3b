package io.eventsuite.adapters.messaging.email;

import io.eventsuite.domain.common.NotificationId;

/**
 * A channel could not deliver a message. Thrown so the event being handled fails and is redelivered (the notification
 * is still pending and is sent on that retry).
 *
 * <p>The message names the notification and a log-safe reason (AWS error code, HTTP status, exception type); the SDK's
 * exception is deliberately not attached, since SES error messages can quote the recipient's address.
 */
public final class NotificationNotSent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String notificationId;

    public NotificationNotSent(NotificationId id, String channel, String reason) {
        super(channel + " did not take notification " + id.value() + ": " + reason);
        this.notificationId = id.value();
    }

    public String notificationId() {
        return notificationId;
    }
}
