package io.eventsuite.platform.http;

import io.eventsuite.domain.common.Violation;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type     stable identifier of the kind of problem
 * @param detail   what went wrong with this request, safe to show (never a stack trace or internal name)
 * @param instance the request's correlation id, so a client can quote it and we can find the logs
 * @param errors   the fields at fault, for input problems; empty otherwise
 */
public record Problem(ProblemType type, String detail, String instance, List<Violation> errors) {

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, List.of());
    }

    public Problem withInstance(String correlationId) {
        return new Problem(type, detail, correlationId, errors);
    }

    public int status() {
        return type.status();
    }
}
