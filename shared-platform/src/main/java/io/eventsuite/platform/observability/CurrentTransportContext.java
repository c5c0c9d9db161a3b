package io.eventsuite.platform.observability;

import io.eventsuite.platform.events.TransportContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The trace and correlation of the invocation in progress, to stamp on events it causes, so one trace and
 * one correlation id run from the HTTP request through SNS and SQS to every consumer.
 *
 * <p>The trace is this function's OWN current span (the route's server span or the record's consumer span), so
 * the consumer's span becomes its child: a new span id per hop, and the sampled flag as this hop's sampler decided.
 * Outside any span there is no trace to stamp.
 */
public final class CurrentTransportContext {

    private CurrentTransportContext() {
    }

    public static TransportContext get() {
        SpanContext span = Span.current().getSpanContext();
        Optional<TraceParent> trace = span.isValid()
                ? Optional.of(new TraceParent(span.getTraceId(), span.getSpanId(), span.isSampled() ? "01" : "00"))
                : Optional.empty();
        return new TransportContext(trace, CorrelationIds.safe(MDC.get("correlationId")));
    }
}
