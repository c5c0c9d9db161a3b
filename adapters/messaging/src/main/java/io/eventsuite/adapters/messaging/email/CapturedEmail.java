package io.eventsuite.adapters.messaging.email;

import io.eventsuite.domain.notification.OutgoingMessage;
import java.util.Objects;

/**
 * An email as the local cloud captures it instead of sending it: the JSON body of each message on the capture queue
 * ({@link SqsCapturingNotificationChannel}), for people and tests to read what would have been sent.
 *
 * @param notificationId the notification it delivers, also the {@code notificationId} message attribute
 * @param to             the recipient's address
 */
public record CapturedEmail(String notificationId, String to, String subject, String body) {

    public CapturedEmail {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    public static CapturedEmail of(OutgoingMessage message) {
        return new CapturedEmail(message.id().value(), message.to().value(), message.subject(), message.body());
    }
}
