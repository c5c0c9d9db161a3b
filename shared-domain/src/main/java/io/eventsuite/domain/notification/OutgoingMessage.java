package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.NotificationId;

import java.util.Objects;

/**
 * A message for a {@link NotificationChannel} to deliver.
 *
 * @param id the notification it delivers; channels that can deduplicate should use it as their key
 */
public record OutgoingMessage(Email to, String subject, String body, NotificationId id) {

    public OutgoingMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(id, "id");
    }
}
