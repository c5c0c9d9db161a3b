package io.eventsuite.platform.tracing;

import io.eventsuite.platform.observability.TraceParent;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which remote span an invocation continues: the W3C {@code traceparent} it was sent, else the X-Ray header
 * (Lambda's own, or SQS's {@code AWSTraceHeader}), else none and a new trace starts.
 *
 * <p>Both come from outside: a malformed value is ignored, never trusted and never a failure. That is logged
 * once per execution environment at debug (a client sending garbage on every request must not flood the log).
 */
public final class IncomingTrace {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingTrace.class);
    private static final AtomicBoolean MALFORMED_LOGGED = new AtomicBoolean();

    private IncomingTrace() {
    }

    public static Optional<TraceParent> parent(String traceparent, String xrayHeader) {
        Optional<TraceParent> w3c = TraceParent.parse(traceparent);
        if (w3c.isPresent()) {
            return w3c;
        }
        Optional<TraceParent> xray = XRayTraceHeader.parse(xrayHeader);
        boolean malformedW3c = traceparent != null;
        boolean malformedXray = xray.isEmpty() && xrayHeader != null && xrayHeader.contains("Parent=");
        if ((malformedW3c || malformedXray) && MALFORMED_LOGGED.compareAndSet(false, true)) {
            LOG.debug("a malformed trace header was ignored (traceparent {}, X-Ray {}); it continues {}",
                    malformedW3c ? "malformed" : "absent", malformedXray ? "malformed" : "usable or absent",
                    xray.isPresent() ? "the X-Ray trace" : "no trace: a new one starts");
        }
        return xray;
    }
}
