package io.eventsuite.adapters.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.messaging.outbox.RelayReport;
import io.eventsuite.platform.observability.InvocationLogContext;
import io.eventsuite.platform.observability.LambdaContexts;
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
        return message -> {
            Context lambda = LambdaContexts.of(message);
            try (var ignored = InvocationLogContext.open(lambda, lambda == null ? null : lambda.getAwsRequestId(), null)) {
                RelayReport report = relay.relay(AGGREGATES_PER_RUN);
                if (report.inTrouble()) {
                    throw new OutboxRelayFailed(report);
                }
                return report;
            }
        };
    }
}
