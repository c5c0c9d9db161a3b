package io.eventsuite.notification.events;

import io.eventsuite.domain.notification.NotifyResult;
import io.eventsuite.platform.sqs.Handling;

/** What each notification outcome means for the message: only an unknown recipient is worth a retry. */
final class NotifyOutcomes {

    private NotifyOutcomes() {
    }

    static Handling toHandling(NotifyResult result) {
        return switch (result) {
            case NotifyResult.Sent(var id) -> Handling.done("sent " + id.value());
            case NotifyResult.AlreadySent(var id) -> Handling.done("already sent " + id.value());
            case NotifyResult.Suppressed(var reason) -> Handling.done("suppressed: " + reason);
            // The user's events may not have reached the projection yet; the redelivery will find them.
            case NotifyResult.RecipientUnknown(var id) -> Handling.retryLater("recipient " + id.value() + " not known yet");
        };
    }
}
