package io.eventsuite.benchmarks.warm;

import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.SpanFlush;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracing and metrics as a function runs them, or none of it, for the warm-cost benchmark (issue 7: at most 1 ms per
 * warm invocation, export round trip excluded).
 *
 * <p>{@code on}: what Boot's auto-configuration builds from the shared layer's settings: an OpenTelemetry SDK tracer
 * provider sampling every trace (eventsuite-platform.properties; the template samples 10% of new traces, so this is the
 * worst case) with a batch span processor, bridged to Micrometer Tracing (W3C propagation, the propagating
 * sender/receiver and default tracing handlers) and a meter handler on the observation registry; the span flush after
 * each invocation as {@code SpanFlush} bounds it; the EMF metrics line written once per invocation. The exporter only
 * counts the spans (no network: the export round trip is excluded by the budget). {@code off}: the layer's
 * {@link InvocationTracing#OFF} and {@link InvocationMetrics#OFF}.
 */
final class Telemetry {

    static final String OFF = "off";
    static final String ON = "on";

    final ObservationRegistry observations;
    final InvocationTracing tracing;
    final InvocationMetrics metrics;
    private final CountingExporter exported = new CountingExporter();
    /** The tracer provider when on, for a patient flush before counting (null when off). */
    private final SdkTracerProvider provider;

    Telemetry(String mode) {
        switch (mode) {
            case OFF -> {
                provider = null;
                observations = ObservationRegistry.NOOP;
                tracing = InvocationTracing.OFF;
                metrics = InvocationMetrics.OFF;
            }
            case ON -> {
                provider = SdkTracerProvider.builder()
                        .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
                        .addSpanProcessor(BatchSpanProcessor.builder(exported).build())
                        .build();
                Tracer otel = provider.get("eventsuite");
                OtelCurrentTraceContext current = new OtelCurrentTraceContext();
                OtelTracer tracer = new OtelTracer(otel, current, event -> { },
                        new OtelBaggageManager(current, List.of(), List.of()));
                OtelPropagator propagator = new OtelPropagator(
                        ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
                MeterRegistry meters = new SimpleMeterRegistry();
                observations = ObservationRegistry.create();
                observations.observationConfig()
                        .observationHandler(new FirstMatchingCompositeObservationHandler(
                                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                                new DefaultTracingObservationHandler(tracer)))
                        .observationHandler(new DefaultMeterObservationHandler(meters));
                tracing = new InvocationTracing(observations, new SpanFlush(provider, Duration.ofMillis(50)));
                metrics = new InvocationMetrics(meters, "benchmark", line -> { }, Clock.systemUTC());
            }
            default -> throw new IllegalArgumentException("telemetry " + mode + ": use on or off");
        }
    }

    /**
     * One AWS SDK call's client span, shaped as the services' SDK interceptor opens it (name, kind, keys), around no
     * call: what tracing adds to each round trip.
     */
    void clientCall(String service, String operation, String table) {
        SenderContext<Object> sender = new SenderContext<>((carrier, key, value) -> { }, Kind.CLIENT);
        sender.setRemoteServiceName(service);
        Observation.createNotStarted("eventsuite.aws.call", () -> sender, observations)
                .contextualName(service + "." + operation)
                .lowCardinalityKeyValue("rpc.system", "aws-api")
                .lowCardinalityKeyValue("rpc.service", service)
                .lowCardinalityKeyValue("rpc.method", operation)
                .lowCardinalityKeyValue("aws.dynamodb.table_names", table)
                .start()
                .highCardinalityKeyValue("http.response.status_code", "200")
                .stop();
    }

    /**
     * The spans exported so far, once every span ended so far has been exported: the invocation's own flush gives up
     * after 50 ms (the production bound), which a loaded machine can exceed; this count must not depend on it.
     */
    long spansExported() {
        if (provider != null) {
            provider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        return exported.count.get();
    }

    /** Counts what it is given; no export round trip. */
    private static final class CountingExporter implements SpanExporter {

        final AtomicLong count = new AtomicLong();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            count.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
