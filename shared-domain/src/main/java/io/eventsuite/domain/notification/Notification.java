package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A message sent (or being sent) to a user because of an event.
 *
 * @param id       {@link NotificationId#of(EventId) derived} from {@code causedBy}: one event, at most one notification
 * @param causedBy the event the notification is about
 */
public record Notification(NotificationId id, UserId recipientId, EventId causedBy, NotificationKind kind,
                           String subject, String body, NotificationStatus status, Instant createdAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!id.equals(NotificationId.of(causedBy))) {
            throw new IllegalArgumentException("notification " + id + " must be derived from event " + causedBy);
        }
    }

    /** A new, not yet sent notification about an event. */
    public static Notification pending(EventId causedBy, UserId recipientId, RenderedMessage message, Instant now) {
        return new Notification(NotificationId.of(causedBy), recipientId, causedBy, message.kind(), message.subject(),
                message.body(), NotificationStatus.PENDING, now);
    }

    public Notification markedSent() {
        return new Notification(id, recipientId, causedBy, kind, subject, body, NotificationStatus.SENT, createdAt);
    }
}
