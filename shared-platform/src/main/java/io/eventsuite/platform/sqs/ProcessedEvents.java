package io.eventsuite.platform.sqs;

import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.idempotency.NothingWritten;

/**
 * Each consumer handles each event id once, whatever SQS redelivers: a record of the event id per consumer in
 * the idempotency store, claimed before the handler runs and completed after it succeeded.
 *
 * <ul>
 *   <li>already completed: skipped as done (the message is deleted);</li>
 *   <li>claimed by a delivery still running (or one that died less than the lock time ago): retried later;</li>
 *   <li>the handler asks for a retry: the claim is released, so the redelivery runs it again;</li>
 *   <li>the handler fails: it may have written something, so the claim stays until its lock expires (2 minutes,
 *       less than the queues' visibility timeout), and the redelivery after that runs it again.</li>
 * </ul>
 * The use cases are idempotent on their own too (the notification id comes from the event id, a cancelled
 * order is not cancelled again); this is the second line, and it spares them the repeated work.
 */
public final class ProcessedEvents {

    private final IdempotentExecution execution;

    public ProcessedEvents(IdempotentExecution execution) {
        this.execution = execution;
    }

    Handling once(String consumer, EventEnvelope event, EventHandler handler) {
        String key = "event|" + consumer + "|" + event.id().value();
        String fingerprint = event.type() + "|" + event.subject();
        Execution outcome;
        try {
            outcome = execution.run(key, fingerprint, () -> switch (handler.handle(event)) {
                case Handling.Done done -> done.outcome();
                case Handling.RetryLater retry -> throw new RetryRequested(retry);
            });
        } catch (RetryRequested retry) {
            return retry.handling;
        }
        return switch (outcome) {
            case Execution.Fresh fresh -> Handling.done(fresh.result());
            case Execution.Replayed replayed -> Handling.done("already processed: " + replayed.result());
            case Execution.Rejected(Execution.Reason reason) -> reason == Execution.Reason.IN_PROGRESS
                    ? Handling.retryLater("another delivery of this event is being processed")
                    // The same id with another type or subject is not a redelivery: never silently drop it.
                    : Handling.retryLater("event id reused by a different event");
        };
    }

    /** Carries a retry out of the idempotent run, so that the claim is released rather than completed. */
    private static final class RetryRequested extends RuntimeException implements NothingWritten {

        private final transient Handling.RetryLater handling;

        RetryRequested(Handling.RetryLater handling) {
            super(handling.reason(), null, false, false);
            this.handling = handling;
        }
    }
}
