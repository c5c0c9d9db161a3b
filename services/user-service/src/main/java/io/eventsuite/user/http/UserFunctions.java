package io.eventsuite.user.http;

import io.eventsuite.domain.user.DeletingUser;
import io.eventsuite.domain.user.RegisteringUser;
import io.eventsuite.domain.user.UpdatingUser;
import io.eventsuite.domain.user.ViewingUser;
import io.eventsuite.platform.http.HttpFunction;
import io.eventsuite.platform.http.HttpRoutes;
import io.eventsuite.platform.http.IdempotencyKeyContract;
import io.eventsuite.platform.snapstart.PrimingRead;
import io.eventsuite.user.config.UserPriming;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One function bean per route; the bean name is the function's SPRING_CLOUD_FUNCTION_DEFINITION. */
@Configuration(proxyBeanMethods = false)
public class UserFunctions {

    /**
     * {@code POST /users}: registers the caller. Its answer shows the email and display name, which must not outlive
     * an erasure in the idempotency records: a replay shows the caller's user as it is now.
     */
    @Bean
    HttpFunction registerUser(HttpRoutes routes, IdempotencyKeyContract idempotency, RegisteringUser registering,
            ViewingUser viewing) {
        return routes.route(idempotency.around(new RegisterUserRoute(registering),
                request -> GetUserRoute.answer(viewing, request.caller(), request.caller().id())));
    }

    /** {@code GET /users/{id}}: the caller's own profile, or any for an admin. */
    @Bean
    HttpFunction getUser(HttpRoutes routes, ViewingUser viewing) {
        return routes.route(new GetUserRoute(viewing));
    }

    /** {@code PATCH /users/{id}}: changes the profile, guarded by If-Match. */
    @Bean
    HttpFunction updateUser(HttpRoutes routes, UpdatingUser updating) {
        return routes.route(new UpdateUserRoute(updating));
    }

    /**
     * For the SnapStart snapshot: a user rendered as the routes answer with one, in memory (the priming events go only
     * as far as a refusal or a 404, which never render a user).
     */
    @Bean
    PrimingRead primeUserBody(HttpRoutes routes) {
        return () -> routes.primeRendering(UserBody.of(UserPriming.sampleUser()));
    }

    /** {@code DELETE /users/{id}}: erases the user. */
    @Bean
    HttpFunction deleteUser(HttpRoutes routes, DeletingUser deleting) {
        return routes.route(new DeleteUserRoute(deleting));
    }
}
