package io.eventsuite.platform.http;

import io.eventsuite.domain.common.Violation;
import io.eventsuite.domain.idempotency.NothingWritten;
import java.util.List;

/**
 * Thrown inside a route when the request itself is refused (bad JSON, missing identity, body too large).
 *
 * <p>The route adapter turns it into its problem response. It is for refusals at the HTTP edge only;
 * business outcomes are results that the handler maps to responses itself. Being a refusal, it never follows a
 * write, so it releases an idempotency key ({@link NothingWritten}).
 */
public final class RequestRejected extends RuntimeException implements NothingWritten {

    private final transient Problem problem;

    public RequestRejected(ProblemType type, String detail) {
        this(new Problem(type, detail, null, List.of()));
    }

    public RequestRejected(ProblemType type, String detail, List<Violation> errors) {
        this(new Problem(type, detail, null, errors));
    }

    public RequestRejected(Problem problem) {
        super(problem.type().uri() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
