package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;

import java.util.Objects;

/** Use case: the caller's own notifications, newest first, a page at a time. */
public final class ListingNotifications {

    private final Notifications notifications;

    public ListingNotifications(Notifications notifications) {
        this.notifications = Objects.requireNonNull(notifications);
    }

    public Page<Notification> list(Caller caller, PageRequest page) {
        return notifications.findByRecipient(caller.id(), page);
    }
}
