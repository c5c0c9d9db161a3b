package io.eventsuite.platform.observability;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Correlation ids tie together every log line, event and notification caused by one request.
 *
 * <p>A client may pass its own in {@code X-Correlation-Id}; it is taken only when it is short and made of
 * safe characters (it ends up in logs and message attributes), otherwise the Lambda request id is used.
 */
public final class CorrelationIds {

    public static final String HEADER = "x-correlation-id";
    public static final String EVENT_EXTENSION = "correlationid";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private CorrelationIds() {
    }

    public static String choose(String offered, String fallback) {
        return safe(offered).orElse(fallback);
    }

    public static Optional<String> safe(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? Optional.of(offered) : Optional.empty();
    }
}
