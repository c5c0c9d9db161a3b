package io.eventsuite.platform.tracing;

import io.eventsuite.platform.observability.TraceParent;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lambda's X-Ray trace header ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1})
 * read as the W3C parent it stands for: the X-Ray trace id is the W3C one with its dashes taken out (its first 8
 * hex digits are the epoch second), {@code Parent} is the span id and {@code Sampled} the flag.
 *
 * <p>A header without a {@code Parent} names no span to continue, so it yields nothing (a new trace starts).
 */
public final class XRayTraceHeader {

    private static final Pattern ROOT = Pattern.compile("1-([0-9a-f]{8})-([0-9a-f]{24})");
    private static final Pattern SPAN = Pattern.compile("[0-9a-f]{16}");

    private XRayTraceHeader() {
    }

    public static Optional<TraceParent> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String root = null;
        String parent = null;
        String sampled = null;
        for (String part : header.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String value = part.substring(equals + 1).strip();
            switch (part.substring(0, equals).strip()) {
                case "Root" -> root = value;
                case "Parent" -> parent = value;
                case "Sampled" -> sampled = value;
                default -> { }
            }
        }
        if (root == null || parent == null || !SPAN.matcher(parent).matches()) {
            return Optional.empty();
        }
        var matcher = ROOT.matcher(root);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String flags = "1".equals(sampled) ? "01" : "00";
        return TraceParent.parse("00-" + matcher.group(1) + matcher.group(2) + "-" + parent + "-" + flags);
    }

    /** The header of the invocation in progress: the runtime sets the system property per invocation. */
    public static String ofCurrentInvocation() {
        String property = System.getProperty("com.amazonaws.xray.traceHeader");
        return property != null ? property : System.getenv("_X_AMZN_TRACE_ID");
    }
}
