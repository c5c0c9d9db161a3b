package io.eventsuite.platform.tracing;

import io.micrometer.observation.Observation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * One span of an invocation, current (in scope) from its start until {@link #close()}: a route's server span or
 * a record's consumer span. While it is open, log lines carry its ids and events written take it as their parent.
 */
public final class TracedSpan implements AutoCloseable {

    private final Observation observation;
    private final Observation.Scope scope;

    TracedSpan(Observation observation) {
        this.observation = observation.start();
        this.scope = this.observation.openScope();
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            MDC.put("traceId", span.getTraceId());
            MDC.put("spanId", span.getSpanId());
        }
    }

    /** Adds an attribute; callers pass names and kinds only, never identifiers of people or message contents. */
    public TracedSpan tag(String key, String value) {
        if (value != null) {
            observation.highCardinalityKeyValue(key, value);
        }
        return this;
    }

    /** Marks the span failed with what went wrong, described without any payload. */
    public void failed(String reason) {
        observation.error(new InvocationFailed(reason));
    }

    @Override
    public void close() {
        scope.close();
        observation.stop();
    }

    /** The error recorded on a span: a kind of fault only (an exception's own message may hold input). */
    static final class InvocationFailed extends RuntimeException {
        InvocationFailed(String reason) {
            super(reason, null, false, false);
        }
    }
}
