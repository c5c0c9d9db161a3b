package io.eventsuite.domain.notification;

import java.util.Objects;

/** The text of a notification as {@link NotificationTemplates} renders it: plain text, no markup. */
public record RenderedMessage(NotificationKind kind, String subject, String body) {

    public RenderedMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
