package io.eventsuite.platform.tracing;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the spans an invocation ended out of the exporter's buffer before the invocation returns: Lambda freezes
 * the environment as soon as it answers, and a span still buffered then is lost (or sent minutes late).
 *
 * <p>Bounded: it waits at most {@code bound} (about 50 ms), so a collector that is slow or down costs at most that
 * and never fails or changes the answer; an export still running goes on in the background.
 */
public final class SpanFlush {

    public static final SpanFlush NONE = new SpanFlush(null, Duration.ZERO);
    private static final Logger LOG = LoggerFactory.getLogger(SpanFlush.class);

    private final SdkTracerProvider provider;
    private final Duration bound;

    public SpanFlush(SdkTracerProvider provider, Duration bound) {
        this.provider = provider;
        this.bound = bound;
    }

    public void flush() {
        if (provider == null) {
            return;
        }
        try {
            var result = provider.forceFlush().join(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!result.isSuccess()) {
                LOG.debug("spans not flushed within {} ms; they go out later if the environment lives on",
                        bound.toMillis());
            }
        } catch (RuntimeException exporterFault) {
            LOG.debug("span flush failed: {}", exporterFault.getClass().getSimpleName());
        }
    }
}
