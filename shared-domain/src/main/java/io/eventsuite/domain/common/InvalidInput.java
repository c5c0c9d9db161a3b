package io.eventsuite.domain.common;

import io.eventsuite.domain.idempotency.NothingWritten;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a command or value object is built from input that breaks its rules.
 *
 * <p>It carries every violation found, not just the first, so a client can fix a request in one go.
 * Invalid input is the only thing the domain reports by exception: it is refused at the edge, before any
 * business decision is taken. Business outcomes are sealed result types instead.
 */
public final class InvalidInput extends RuntimeException implements NothingWritten {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("InvalidInput needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ", "invalid input: ", ""));
    }
}
