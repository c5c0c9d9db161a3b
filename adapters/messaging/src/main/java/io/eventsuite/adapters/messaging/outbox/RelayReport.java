package io.eventsuite.adapters.messaging.outbox;

/**
 * What one relay run did.
 *
 * @param aggregates   aggregates read from the outbox (each with pending events)
 * @param published    events SNS accepted (and the outbox was told to forget)
 * @param stillPending events read that are still pending: failed, or not attempted because the run stopped
 * @param failed       events SNS was asked for and did not accept (a subset of {@code stillPending})
 * @param stoppedBy    why the run ended
 */
public record RelayReport(int aggregates, int published, int stillPending, int failed, Stop stoppedBy) {

    public static final RelayReport NOTHING_PENDING = new RelayReport(0, 0, 0, 0, Stop.COMPLETED);

    public enum Stop {
        /** Every aggregate read was attempted. */
        COMPLETED,
        /** Stopped early: the circuit breaker is open, SNS is failing. */
        CIRCUIT_OPEN,
        /** Stopped early: the invocation's deadline is near. */
        DEADLINE
    }

    public boolean stoppedEarly() {
        return stoppedBy != Stop.COMPLETED;
    }
}
