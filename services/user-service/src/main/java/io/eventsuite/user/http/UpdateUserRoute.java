package io.eventsuite.user.http;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.common.Violations;
import io.eventsuite.domain.user.UpdateResult;
import io.eventsuite.domain.user.UpdateUser;
import io.eventsuite.domain.user.UpdatingUser;
import io.eventsuite.platform.http.Commands;
import io.eventsuite.platform.http.ETags;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.ProblemType;
import io.eventsuite.platform.http.RouteHandler;
import java.util.Optional;

/**
 * {@code PATCH /users/{id}}: changes the fields present in the body. The If-Match header carries the
 * version the client read; if someone changed the user since, the answer is 412 and nothing is written.
 */
final class UpdateUserRoute implements RouteHandler {

    /** The changeable fields; absent means unchanged. */
    record Body(String displayName, String email, UserBody.PreferencesBody preferences) {
    }

    private final UpdatingUser updating;

    UpdateUserRoute(UpdatingUser updating) {
        this.updating = updating;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        UserId id = request.pathParameter("id", UserId::new);
        long expectedVersion = ETags.expectedVersion(request);
        Body body = request.body(Body.class);
        Violations v = new Violations();
        Optional<Email> email = Optional.ofNullable(body.email()).map(e -> v.attempt("email", () -> new Email(e)));
        var preferences = Optional.ofNullable(Preferences.from(body.preferences(), v));
        UpdateUser command = Commands.build(v, () -> new UpdateUser(id, expectedVersion,
                Optional.ofNullable(body.displayName()), email, preferences));
        return switch (updating.update(request.caller(), command)) {
            case UpdateResult.Updated(var user) -> HttpResponse.ok(UserBody.of(user)).withVersion(user.version());
            case UpdateResult.NotFound ignored -> HttpResponse.problem(ProblemType.NOT_FOUND, "no user " + id.value());
            case UpdateResult.VersionConflict(long current) -> HttpResponse.problem(ProblemType.VERSION_MISMATCH,
                    "the user is at version " + current + "; read it again and reapply your change")
                    .withVersion(current);
        };
    }
}
