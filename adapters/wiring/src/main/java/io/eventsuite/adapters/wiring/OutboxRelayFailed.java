package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.messaging.outbox.RelayReport;

/**
 * Fails a relay invocation that left the outbox in trouble, so it shows in Lambda's {@code Errors} metric and alarm.
 * The message is the report: counts and the stop reason, never an event's content.
 */
public final class OutboxRelayFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RelayReport report;

    public OutboxRelayFailed(RelayReport report) {
        super("the outbox relay could not publish every pending event: " + report, null, false, false);
        this.report = report;
    }

    public RelayReport report() {
        return report;
    }
}
