package io.eventsuite.adapters.messaging.sns;

import java.util.List;
import java.util.Objects;

/**
 * What one publish achieved: the ids SNS accepted, and every other event with why it was not published. Events are
 * in neither list only when they were never given; each given event is in exactly one.
 *
 * @param publishedIds ids of the events SNS accepted, in the order given
 * @param unpublished  the others, in the order given
 */
public record PublishResult(List<String> publishedIds, List<Unpublished> unpublished) {

    public PublishResult {
        publishedIds = List.copyOf(publishedIds);
        unpublished = List.copyOf(unpublished);
    }

    public static PublishResult empty() {
        return new PublishResult(List.of(), List.of());
    }

    public boolean allPublished() {
        return unpublished.isEmpty();
    }

    /** Events that were sent (or refused before sending) and not accepted: SNS errors, rejected entries. */
    public int failedCount() {
        return (int) unpublished.stream().filter(u -> u.outcome() != Outcome.NOT_ATTEMPTED).count();
    }

    /** The events refused as the sender's fault: sending the same bytes again will not help. */
    public List<Unpublished> refused() {
        return unpublished.stream().filter(u -> u.outcome() == Outcome.REFUSED).toList();
    }

    public enum Outcome {
        /** SNS was asked and did not accept it, for a reason on its side or the way there (worth another try). */
        FAILED,
        /**
         * The event itself is at fault: SNS refused its entry as the sender's fault (such as InvalidParameter), or it
         * can never be sent (over 256 KB). A poison event, if it stays so: the relay parks it after a few refusals.
         */
        REFUSED,
        /** Not sent at all: the breaker was open, the deadline near, or an earlier batch of the same call failed. */
        NOT_ATTEMPTED
    }

    /**
     * An event SNS did not accept.
     *
     * @param reason log-safe: an AWS error code, HTTP status or exception type, never message text or payload
     */
    public record Unpublished(String eventId, String type, Outcome outcome, String reason) {
        public Unpublished {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
