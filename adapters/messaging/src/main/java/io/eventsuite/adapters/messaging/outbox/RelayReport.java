package io.eventsuite.adapters.messaging.outbox;

/**
 * What one relay run did.
 *
 * @param aggregates   aggregates read from the outbox (each with pending events old enough to relay)
 * @param published    events SNS accepted (and the outbox was told to forget)
 * @param stillPending events read that are still pending: failed, or not attempted because the run stopped
 * @param failed       events SNS was asked for and did not accept, refused ones included (failed or parked now)
 * @param parkedNow    events this run parked: refused as the sender's fault for the last allowed time
 * @param parked       events parked in the whole outbox after this run, waiting for an operator's redrive
 * @param stoppedBy    why the run ended
 */
public record RelayReport(int aggregates, int published, int stillPending, int failed, int parkedNow, int parked,
                          Stop stoppedBy) {

    public static final RelayReport NOTHING_PENDING = new RelayReport(0, 0, 0, 0, Stop.COMPLETED);

    /** A run that parked nothing and found nothing parked. */
    public RelayReport(int aggregates, int published, int stillPending, int failed, Stop stoppedBy) {
        this(aggregates, published, stillPending, failed, 0, 0, stoppedBy);
    }

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

    /**
     * Whether the outbox is in trouble: an event could not be published (SNS failed or refused it, or the breaker is
     * open), or parked events wait for an operator. The scheduled function then fails, so Lambda's Errors metric
     * and its alarm show it. A run cut short by its deadline is not trouble: the next run goes on.
     */
    public boolean inTrouble() {
        return failed > 0 || parked > 0 || parkedNow > 0 || stoppedBy == Stop.CIRCUIT_OPEN;
    }
}
