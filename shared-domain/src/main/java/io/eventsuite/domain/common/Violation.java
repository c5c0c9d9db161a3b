package io.eventsuite.domain.common;

import java.util.Objects;

/**
 * One reason why an input was refused.
 *
 * @param field   where the problem is, spelled as the JSON field an HTTP client sends
 *                ({@code email}, {@code lines[1].quantity}, {@code body} for the request as a whole)
 * @param message what is wrong, in words a client developer can act on
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
