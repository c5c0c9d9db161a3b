package io.eventsuite.platform.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where spans go, chosen by one switch, {@code eventsuite.tracing.exporter} ({@code EVENTSUITE_TRACING_EXPORTER}):
 * {@code otlp} (OTLP/HTTP, in AWS to the ADOT collector layer on localhost:4318, which forwards to X-Ray),
 * {@code zipkin} (Zipkin's {@code /api/v2/spans}: the local cloud's Zipkin has no OTLP receiver) or {@code none}
 * (spans are still made and propagated, so ids and sampling decisions flow on, but not sent anywhere). The endpoint
 * is {@code eventsuite.tracing.endpoint}; no code knows which environment it runs in.
 *
 * <p>Boot's OpenTelemetry auto-configuration builds the tracer provider (with a batch processor over every
 * {@link SpanExporter} bean) and the sampler from {@code management.tracing.sampling.probability}.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    SpanExporter eventsuiteSpanExporter(@Value("${eventsuite.tracing.exporter}") String exporter,
            @Value("${eventsuite.tracing.endpoint:}") String endpoint,
            @Value("${eventsuite.tracing.export-timeout}") Duration timeout) {
        return switch (exporter) {
            case "otlp" -> OtlpHttpSpanExporter.builder()
                    .setEndpoint(endpoint.isBlank() ? "http://localhost:4318/v1/traces" : endpoint)
                    .setTimeout(timeout)
                    .build();
            case "zipkin" -> ZipkinSpanExporter.builder()
                    .setEndpoint(endpoint.isBlank() ? "http://127.0.0.1:9411/api/v2/spans" : endpoint)
                    .setReadTimeout(timeout)
                    .build();
            case "none" -> SpanExporter.composite();
            default -> throw new IllegalArgumentException(
                    "eventsuite.tracing.exporter must be otlp, zipkin or none, not '" + exporter + "'");
        };
    }

    @Bean
    SpanFlush spanFlush(ObjectProvider<SdkTracerProvider> tracerProvider,
            @Value("${eventsuite.tracing.flush-timeout}") Duration bound) {
        return new SpanFlush(tracerProvider.getIfAvailable(), bound);
    }

    @Bean
    InvocationTracing invocationTracing(ObjectProvider<ObservationRegistry> registry, SpanFlush spanFlush) {
        return new InvocationTracing(registry.getIfAvailable(() -> ObservationRegistry.NOOP), spanFlush);
    }
}
