package io.eventsuite.platform.http;

import io.eventsuite.domain.common.Violation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity tags for versioned resources: the version number as a strong ETag, {@code "3"}. */
public final class ETags {

    private static final Pattern STRONG_VERSION = Pattern.compile("\"([1-9][0-9]{0,17})\"");

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a client expects, from its If-Match header: 428 when absent (a blind overwrite would lose
     * someone else's change), 400 when it is not one of our ETags.
     */
    public static long expectedVersion(HttpRequest request) {
        String ifMatch = request.header("if-match")
                .orElseThrow(() -> new RequestRejected(ProblemType.PRECONDITION_REQUIRED,
                        "send If-Match with the ETag of the version you are changing"));
        Matcher matcher = STRONG_VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new RequestRejected(ProblemType.INVALID_REQUEST, "If-Match must be a single ETag such as \"3\"",
                    List.of(new Violation("If-Match", "must be a single strong ETag")));
        }
        return Long.parseLong(matcher.group(1));
    }
}
