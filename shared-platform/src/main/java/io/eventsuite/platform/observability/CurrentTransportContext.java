package io.eventsuite.platform.observability;

import io.eventsuite.platform.events.TransportContext;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The trace and correlation of the invocation in progress, to stamp on events it causes, so one trace and
 * one correlation id run from the HTTP request through SNS and SQS to every consumer.
 */
public final class CurrentTransportContext {

    private CurrentTransportContext() {
    }

    public static TransportContext get() {
        String traceId = MDC.get("traceId");
        String spanId = MDC.get("spanId");
        Optional<TraceParent> trace = traceId == null || spanId == null
                ? Optional.empty()
                : TraceParent.parse("00-" + traceId + "-" + spanId + "-01");
        return new TransportContext(trace, CorrelationIds.safe(MDC.get("correlationId")));
    }
}
