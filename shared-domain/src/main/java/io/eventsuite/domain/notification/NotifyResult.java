package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.UserId;

/** What handling an event did about notifying its recipient. */
public sealed interface NotifyResult {

    /** The message was delivered by this call. */
    record Sent(NotificationId id) implements NotifyResult {
    }

    /** A previous delivery of the same event sent it already; nothing was sent again. */
    record AlreadySent(NotificationId id) implements NotifyResult {
    }

    /** Nothing to send, on purpose: the recipient's preferences say no, or the event notifies nobody. */
    record Suppressed(String reason) implements NotifyResult {
    }

    /**
     * The recipient's projection does not exist yet (the user event is still on its way). The platform should
     * fail the message so it is redelivered later, when the projection has caught up.
     */
    record RecipientUnknown(UserId id) implements NotifyResult {
    }
}
