package io.eventsuite.user.http;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.ViewingUser;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.ProblemType;
import io.eventsuite.platform.http.RouteHandler;

/** {@code GET /users/{id}}: another user's profile reads as not found (see {@code Caller}). */
final class GetUserRoute implements RouteHandler {

    private final ViewingUser viewing;

    GetUserRoute(ViewingUser viewing) {
        this.viewing = viewing;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return answer(viewing, request.caller(), request.pathParameter("id", UserId::new));
    }

    /** The user as the caller may see it now, with its version as ETag; 404 when gone or not the caller's to see. */
    static HttpResponse answer(ViewingUser viewing, Caller caller, UserId id) {
        return viewing.view(caller, id)
                .map(user -> HttpResponse.ok(UserBody.of(user)).withVersion(user.version()))
                .orElseGet(() -> HttpResponse.problem(ProblemType.NOT_FOUND, "no user " + id.value()));
    }
}
