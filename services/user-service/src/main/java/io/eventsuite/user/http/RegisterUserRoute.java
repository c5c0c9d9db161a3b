package io.eventsuite.user.http;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.Violations;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.domain.user.RegisterUser;
import io.eventsuite.domain.user.RegisteringUser;
import io.eventsuite.domain.user.RegistrationResult;
import io.eventsuite.platform.http.Commands;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.ProblemType;
import io.eventsuite.platform.http.RouteHandler;

/**
 * {@code POST /users}: the caller registers themself; the id is the token's subject, never a body field, and
 * the email must be the token's verified address (else 403 {@code email-not-verified}, nothing written).
 */
final class RegisterUserRoute implements RouteHandler {

    /** The request body; there is deliberately no id field (an unknown field is refused). */
    record Body(String displayName, String email, UserBody.PreferencesBody preferences) {
    }

    private final RegisteringUser registering;

    RegisterUserRoute(RegisteringUser registering) {
        this.registering = registering;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Body body = request.body(Body.class);
        Violations v = new Violations();
        Email email = v.attempt("email", () -> new Email(body.email()));
        NotificationPreferences preferences = Preferences.from(body.preferences(), v);
        RegisterUser command = Commands.build(v,
                () -> new RegisterUser(request.caller().id(), body.displayName(), email, preferences));
        request.caller().ownAddress(command.email());
        return switch (registering.register(command)) {
            case RegistrationResult.Registered(var user) ->
                    HttpResponse.created("/users/" + user.id().value(), UserBody.of(user)).withVersion(user.version());
            case RegistrationResult.AlreadyRegistered ignored ->
                    HttpResponse.problem(ProblemType.ALREADY_EXISTS, "you are already registered");
        };
    }
}
