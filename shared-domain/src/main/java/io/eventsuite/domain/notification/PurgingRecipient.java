package io.eventsuite.domain.notification;

import io.eventsuite.domain.event.UserDeleted;

import java.util.Objects;

/**
 * Use case (event consumer): erases what the notification service holds about a deleted user, their
 * notifications and their projection. Idempotent: purging twice finds nothing the second time.
 */
public final class PurgingRecipient {

    private final Notifications notifications;
    private final Recipients recipients;

    public PurgingRecipient(Notifications notifications, Recipients recipients) {
        this.notifications = Objects.requireNonNull(notifications);
        this.recipients = Objects.requireNonNull(recipients);
    }

    /** @return how many notifications were deleted */
    public int on(UserDeleted event) {
        int deleted = notifications.deleteByRecipient(event.userId());
        recipients.delete(event.userId());
        return deleted;
    }
}
