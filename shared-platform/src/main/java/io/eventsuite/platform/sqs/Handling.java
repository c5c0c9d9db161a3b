package io.eventsuite.platform.sqs;

/** What became of one event. */
public sealed interface Handling {

    /** Done (or nothing to do): the message may be deleted. */
    record Done(String outcome) implements Handling {
    }

    /**
     * Not possible yet (a projection has not caught up, say): the message goes back to the queue and is
     * retried after its visibility timeout, and ends in the DLQ if it never succeeds.
     */
    record RetryLater(String reason) implements Handling {
    }

    static Handling done(String outcome) {
        return new Done(outcome);
    }

    static Handling retryLater(String reason) {
        return new RetryLater(reason);
    }
}
