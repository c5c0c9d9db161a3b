package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;

import java.util.Optional;

/** Port: the notifications sent to users (a DynamoDB table in AWS). */
public interface Notifications {

    Optional<Notification> findById(NotificationId id);

    /** Stores a new pending notification; {@code false}, changing nothing, if one with this id exists. */
    boolean addPending(Notification notification);

    /** Deletes the notification; nothing happens when it is unknown. */
    void delete(NotificationId id);

    /** Records that the notification was delivered. */
    void markSent(NotificationId id);

    /**
     * A recipient's notifications, newest first.
     *
     * @throws io.eventsuite.domain.common.InvalidInput on the field {@code cursor} when it is not one this adapter produced
     */
    Page<Notification> findByRecipient(UserId recipientId, PageRequest page);

    /** Deletes all of a recipient's notifications; returns how many there were. */
    int deleteByRecipient(UserId recipientId);
}
