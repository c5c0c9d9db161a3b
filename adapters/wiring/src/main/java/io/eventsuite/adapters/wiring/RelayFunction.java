package io.eventsuite.adapters.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.messaging.outbox.RelayReport;
import io.eventsuite.platform.http.HttpRoutes;
import io.eventsuite.platform.observability.InvocationLogContext;
import java.io.InputStream;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The scheduled function that republishes pending events. It ignores the schedule's event (taken as raw
 * bytes, untouched by the adapter) and answers with what it did, which also goes to the log.
 */
public interface RelayFunction extends Function<Message<InputStream>, RelayReport> {

    /** At most this many aggregates per run; the schedule runs again a minute later. */
    int AGGREGATES_PER_RUN = 100;

    static RelayFunction of(OutboxRelay relay) {
        Logger log = LoggerFactory.getLogger(RelayFunction.class);
        return message -> {
            Context lambda = message.getHeaders().get(HttpRoutes.AWS_CONTEXT_HEADER) instanceof Context c ? c : null;
            try (var ignored = InvocationLogContext.open(lambda, lambda == null ? null : lambda.getAwsRequestId(), null)) {
                RelayReport report = relay.relay(AGGREGATES_PER_RUN, lambda);
                log.info("relay run: {}", report);
                return report;
            }
        };
    }
}
