package io.eventsuite.platform.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * Puts who-and-what of the current invocation into every log line (the MDC), and takes it out again;
 * also starts and ends the invocation's {@link InvocationDeadline}.
 *
 * <p>Lambda reuses the JVM across invocations, so the MDC must be cleared at the end of each one or the
 * next invocation would log under the previous request's ids. Fields: {@code correlationId},
 * {@code awsRequestId}, {@code functionName}, {@code coldStart}, and {@code traceId}/{@code spanId}: those of the
 * current span (the tracing layer sets them when a span opens), or of a {@code trace} passed in.
 */
public final class InvocationLogContext implements AutoCloseable {

    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    private InvocationLogContext() {
    }

    public static InvocationLogContext open(Context lambda, String correlationId, TraceParent trace) {
        MDC.clear();
        InvocationDeadline.start(lambda, java.time.Clock.systemUTC());
        MDC.put("coldStart", Boolean.toString(COLD.getAndSet(false)));
        if (lambda != null) {
            putIfPresent("awsRequestId", lambda.getAwsRequestId());
            putIfPresent("functionName", lambda.getFunctionName());
        }
        putIfPresent("correlationId", correlationId);
        if (trace != null) {
            MDC.put("traceId", trace.traceId());
            MDC.put("spanId", trace.spanId());
        }
        return new InvocationLogContext();
    }

    /** Whether the invocation in progress is its execution environment's first (after a restore, too). */
    public static boolean coldStart() {
        return Boolean.parseBoolean(MDC.get("coldStart"));
    }

    /**
     * The next invocation counts as a cold start again: after SnapStart priming (which ran invocations that
     * no caller saw) and after a restore from the snapshot, which is this function's cold start.
     */
    public static void resetColdStart() {
        COLD.set(true);
    }

    /**
     * Narrows the context to one message of a batch: its own correlation. Its trace ids are its consumer span's,
     * set when that span opens.
     */
    public static void forMessage(String messageId, String correlationId) {
        putIfPresent("messageId", messageId);
        putOrRemove("correlationId", correlationId);
    }

    /** Back to the invocation's context once a message of the batch is done. */
    public static void endMessage() {
        for (String key : new String[] {"messageId", "correlationId", "traceId", "spanId"}) {
            MDC.remove(key);
        }
    }

    @Override
    public void close() {
        MDC.clear();
        InvocationDeadline.clear();
    }

    private static void putIfPresent(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
        }
    }

    private static void putOrRemove(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
