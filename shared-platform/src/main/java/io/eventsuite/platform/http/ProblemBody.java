package io.eventsuite.platform.http;

import io.eventsuite.domain.common.Violation;
import java.util.List;

/** The JSON shape of a {@link Problem} as RFC 9457 names its members, plus our {@code errors} extension. */
record ProblemBody(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    static ProblemBody of(Problem problem) {
        return new ProblemBody(problem.type().uri(), problem.type().title(), problem.status(), problem.detail(),
                problem.instance(), problem.errors().isEmpty() ? null : problem.errors());
    }
}
