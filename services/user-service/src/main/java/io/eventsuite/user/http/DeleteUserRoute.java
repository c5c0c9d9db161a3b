package io.eventsuite.user.http;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.DeletingUser;
import io.eventsuite.domain.user.DeletionResult;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.ProblemType;
import io.eventsuite.platform.http.RouteHandler;

/** {@code DELETE /users/{id}}: erases the user's personal data; other services follow through UserDeleted. */
final class DeleteUserRoute implements RouteHandler {

    private final DeletingUser deleting;

    DeleteUserRoute(DeletingUser deleting) {
        this.deleting = deleting;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        UserId id = request.pathParameter("id", UserId::new);
        return switch (deleting.delete(request.caller(), id)) {
            case DeletionResult.Deleted ignored -> HttpResponse.noContent();
            case DeletionResult.NotFound ignored -> HttpResponse.problem(ProblemType.NOT_FOUND, "no user " + id.value());
        };
    }
}
