package io.eventsuite.localcloud.gateway;

import com.sun.net.httpserver.Headers;
import io.eventsuite.localcloud.template.SamTemplate.HttpRoute;
import java.util.Map;
import java.util.Optional;

/** The route's JWT authorizer, run before the function is invoked, refusing as API Gateway does (401 and 403). */
final class AuthorizerStep {

    private final Map<String, JwtAuthorizer> authorizers;

    AuthorizerStep(Map<String, JwtAuthorizer> authorizers) {
        this.authorizers = Map.copyOf(authorizers);
    }

    /** The authorizer's decision on the request; {@code null} for an open route. */
    JwtAuthorizer.Decision authorize(HttpRoute route, Headers headers) {
        JwtAuthorizer authorizer = route.authorizer() == null ? null : authorizers.get(route.authorizer());
        if (route.authorizer() != null && authorizer == null) {
            // A template mistake AWS would reject at deploy time: fail loudly rather than serve the route open.
            throw new IllegalStateException("route " + route.routeKey() + " names authorizer " + route.authorizer()
                    + ", which the HTTP API does not define");
        }
        return authorizer == null ? null : authorizer.authorize(headers.getFirst(authorizer.header()), route.scopes());
    }

    /** API Gateway's answer to a refused request; empty when the request may go on to the function. */
    static Optional<ApiGatewayV2.Response> refusal(JwtAuthorizer.Decision decision, String requestId) {
        if (decision != null && decision.status() == 401) {
            return Optional.of(ApiGatewayV2.message(401, "Unauthorized", requestId));
        }
        if (decision != null && decision.status() == 403) {
            return Optional.of(ApiGatewayV2.message(403, "Forbidden", requestId));
        }
        return Optional.empty();
    }
}
