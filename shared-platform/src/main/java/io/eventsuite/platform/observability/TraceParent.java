package io.eventsuite.platform.observability;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} value: version, trace id, parent span id, flags.
 *
 * <p>It is the one header that carries a trace across HTTP, SNS and SQS. Anything that does not match the
 * format is ignored rather than trusted, since it comes from outside.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(value.strip());
        if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE) || matcher.group(2).equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }
}
