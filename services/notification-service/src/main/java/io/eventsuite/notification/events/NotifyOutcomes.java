package io.eventsuite.notification.events;

import io.eventsuite.domain.notification.NotifyResult;
import io.eventsuite.platform.sqs.Handling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What each notification outcome means for the message. Only an unknown recipient is worth a retry, and only
 * for a while: the user's events may simply not have reached the projection yet (SNS does not order across
 * topics), but a customer who never registered a profile has no address to write to, and retrying that
 * until the DLQ would only bury real failures there.
 */
final class NotifyOutcomes {

    /** How long an event waits for its recipient's projection before the notification is given up. */
    static final Duration RECIPIENT_GRACE = Duration.ofMinutes(10);

    private NotifyOutcomes() {
    }

    static Handling toHandling(NotifyResult result, Instant eventTime, Clock clock) {
        return switch (result) {
            case NotifyResult.Sent(var id) -> Handling.done("sent " + id.value());
            case NotifyResult.AlreadySent(var id) -> Handling.done("already sent " + id.value());
            case NotifyResult.Suppressed(var reason) -> Handling.done("suppressed: " + reason);
            case NotifyResult.RecipientUnknown(var id) -> eventTime.plus(RECIPIENT_GRACE).isAfter(clock.instant())
                    ? Handling.retryLater("recipient " + id.value() + " not known yet")
                    : Handling.done("recipient " + id.value() + " still unknown after " + RECIPIENT_GRACE
                            + "; no address to notify, given up");
        };
    }
}
