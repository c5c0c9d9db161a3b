package io.eventsuite.platform.tracing;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.platform.observability.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The spans the shared layer opens for each invocation, through Micrometer's Observation API (Micrometer Tracing
 * with the OpenTelemetry bridge turns them into spans): a SERVER span per HTTP invocation and a CONSUMER span per
 * SQS record, each continuing the remote parent chosen by {@link IncomingTrace}, with the {@code faas.*} attributes
 * of the Lambda invocation. {@link #flush()} ends every invocation (see {@link SpanFlush}).
 *
 * <p>Attributes hold names, kinds, ids the platform made and status codes: never a header value, a body, a key's
 * value or anything of a person.
 */
public final class InvocationTracing {

    /** No spans (plain unit tests and benchmarks of the layer without tracing). */
    public static final InvocationTracing OFF = new InvocationTracing(ObservationRegistry.NOOP, SpanFlush.NONE);

    private static final String TRACEPARENT = "traceparent";

    private final ObservationRegistry registry;
    private final SpanFlush flush;

    public InvocationTracing(ObservationRegistry registry, SpanFlush flush) {
        this.registry = registry;
        this.flush = flush;
    }

    /** The server span of one HTTP invocation: named by the route key, e.g. {@code POST /orders/{id}}. */
    public TracedSpan server(String routeKey, Optional<TraceParent> parent, Context lambda) {
        String method = routeKey == null || !routeKey.contains(" ") ? null : routeKey.substring(0, routeKey.indexOf(' '));
        String route = method == null ? routeKey : routeKey.substring(method.length() + 1);
        Observation observation = observation("eventsuite.http.invocation", Kind.SERVER, parent, routeKey, lambda)
                .lowCardinalityKeyValue("faas.trigger", "http");
        return faas(new TracedSpan(observation), lambda)
                .tag("http.request.method", method)
                .tag("http.route", route);
    }

    /** The consumer span of one SQS record: named by its queue, e.g. {@code orders-user-events process}. */
    public TracedSpan consumer(String queue, String messageId, Optional<TraceParent> parent, Context lambda) {
        Observation observation = observation("eventsuite.sqs.message", Kind.CONSUMER, parent,
                (queue == null ? "sqs" : queue) + " process", lambda)
                .lowCardinalityKeyValue("faas.trigger", "pubsub");
        return faas(new TracedSpan(observation), lambda)
                .tag("messaging.system", "aws_sqs")
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", queue)
                .tag("messaging.message.id", messageId);
    }

    /**
     * The span of a synchronous trigger of another AWS service (Cognito's pre token generation): named {@code name},
     * continuing Lambda's X-Ray header when it names a parent (Cognito sends no traceparent), else a new trace.
     */
    public TracedSpan trigger(String name, Optional<TraceParent> parent, Context lambda) {
        Observation observation = observation("eventsuite.trigger.invocation", Kind.SERVER, parent, name, lambda)
                .lowCardinalityKeyValue("faas.trigger", "other");
        return faas(new TracedSpan(observation), lambda);
    }

    /** The span of a scheduled invocation (the outbox relay): a new trace each run, named {@code name}. */
    public TracedSpan scheduled(String name, Context lambda) {
        Observation observation = observation("eventsuite.scheduled.invocation", Kind.SERVER, Optional.empty(),
                name, lambda)
                .lowCardinalityKeyValue("faas.trigger", "timer");
        return faas(new TracedSpan(observation), lambda);
    }

    /** Exports what the invocation ended, bounded; call it last, after every span is closed. */
    public void flush() {
        flush.flush();
    }

    private Observation observation(String name, Kind kind, Optional<TraceParent> parent, String spanName,
            Context lambda) {
        Map<String, String> carrier = new HashMap<>();
        parent.ifPresent(p -> carrier.put(TRACEPARENT, p.toString()));
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((c, key) -> c.get(key), kind);
        context.setCarrier(carrier);
        context.setRemoteServiceName(kind == Kind.SERVER ? "api-gateway" : "aws-sqs");
        return Observation.createNotStarted(name, () -> context, registry)
                .contextualName(spanName)
                .lowCardinalityKeyValue("faas.name", lambda == null || lambda.getFunctionName() == null
                        ? "unknown" : lambda.getFunctionName());
    }

    private static TracedSpan faas(TracedSpan span, Context lambda) {
        return span
                .tag("faas.invocation_id", lambda == null ? null : lambda.getAwsRequestId())
                .tag("faas.coldstart", MDC.get("coldStart"));
    }
}
