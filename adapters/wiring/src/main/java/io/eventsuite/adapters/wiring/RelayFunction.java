package io.eventsuite.adapters.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.messaging.outbox.RelayReport;
import io.eventsuite.platform.observability.InvocationLogContext;
import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.observability.LambdaContexts;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.TracedSpan;
import java.io.InputStream;
import java.util.function.Function;
import org.springframework.messaging.Message;

/**
 * The scheduled function that republishes pending events. It ignores the schedule's event (taken as raw
 * bytes, untouched by the adapter) and answers with what it did, which also goes to the log.
 *
 * <p>When the outbox is in trouble ({@link RelayReport#inTrouble()}: an event SNS failed or refused, an open breaker,
 * parked events) it fails the invocation with {@link OutboxRelayFailed} after doing all it could, so Lambda's
 * {@code Errors} metric counts it and the function's alarm fires. (The template turns async retries off: the next
 * scheduled run is the retry.)
 */
public interface RelayFunction extends Function<Message<InputStream>, RelayReport> {

    /** At most this many aggregates per run; the schedule runs again a minute later. */
    int AGGREGATES_PER_RUN = 100;

    /** The log context also sets the invocation's deadline, which the relay watches; the relay logs its report. */
    static RelayFunction of(OutboxRelay relay) {
        return of(relay, InvocationTracing.OFF, InvocationMetrics.OFF);
    }

    /**
     * As {@link #of(OutboxRelay)}, each run one span (its SDK calls its children) and one EMF line with the run's
     * outcome, both written before it returns.
     */
    static RelayFunction of(OutboxRelay relay, InvocationTracing tracing, InvocationMetrics metrics) {
        return message -> {
            Context lambda = LambdaContexts.of(message);
            try (var ignored = InvocationLogContext.open(lambda, lambda == null ? null : lambda.getAwsRequestId(), null);
                 TracedSpan span = tracing.scheduled("outbox relay", lambda)) {
                metrics.count(InvocationMetrics.COLD_STARTS, InvocationLogContext.coldStart() ? 1 : 0);
                RelayReport report;
                try {
                    report = relay.relay(AGGREGATES_PER_RUN);
                } catch (RuntimeException outboxUnreadable) {
                    metrics.count(InvocationMetrics.RELAY_RUNS_FAILED, 1);
                    span.failed("outbox relay failed: " + outboxUnreadable.getClass().getName());
                    throw outboxUnreadable;
                }
                metrics.count(InvocationMetrics.RELAY_PUBLISHED, report.published());
                metrics.count(InvocationMetrics.RELAY_STILL_PENDING, report.stillPending());
                metrics.count(InvocationMetrics.RELAY_FAILED, report.failed());
                metrics.count(InvocationMetrics.RELAY_PARKED_NOW, report.parkedNow());
                metrics.count(InvocationMetrics.RELAY_STOPPED_EARLY, report.stoppedEarly() ? 1 : 0);
                if (report.inTrouble()) {
                    // counted and marked before the throw, so the EMF line and the span show the failed run too
                    metrics.count(InvocationMetrics.RELAY_RUNS_FAILED, 1);
                    span.failed("outbox relay in trouble: " + report);
                    throw new OutboxRelayFailed(report);
                }
                return report;
            } finally {
                tracing.flush();
                metrics.flush(lambda == null ? null : lambda.getFunctionName());
            }
        };
    }
}
