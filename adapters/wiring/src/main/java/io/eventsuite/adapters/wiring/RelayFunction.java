package io.eventsuite.adapters.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.messaging.outbox.RelayReport;
import io.eventsuite.platform.observability.InvocationLogContext;
import io.eventsuite.platform.observability.LambdaContexts;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.TracedSpan;
import java.io.InputStream;
import java.util.function.Function;
import org.springframework.messaging.Message;

/**
 * The scheduled function that republishes pending events. It ignores the schedule's event (taken as raw
 * bytes, untouched by the adapter) and answers with what it did, which also goes to the log.
 */
public interface RelayFunction extends Function<Message<InputStream>, RelayReport> {

    /** At most this many aggregates per run; the schedule runs again a minute later. */
    int AGGREGATES_PER_RUN = 100;

    /** The log context also sets the invocation's deadline, which the relay watches; the relay logs its report. */
    static RelayFunction of(OutboxRelay relay) {
        return of(relay, InvocationTracing.OFF);
    }

    /** As {@link #of(OutboxRelay)}, each run one span (its SDK calls its children), flushed before it returns. */
    static RelayFunction of(OutboxRelay relay, InvocationTracing tracing) {
        return message -> {
            Context lambda = LambdaContexts.of(message);
            try (var ignored = InvocationLogContext.open(lambda, lambda == null ? null : lambda.getAwsRequestId(), null);
                 TracedSpan span = tracing.scheduled("outbox relay", lambda)) {
                return relay.relay(AGGREGATES_PER_RUN);
            } finally {
                tracing.flush();
            }
        };
    }
}
