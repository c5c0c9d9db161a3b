package io.eventsuite.localcloud.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.eventsuite.localcloud.events.HttpApiEvent;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.FunctionError;
import io.eventsuite.localcloud.template.SamTemplate.HttpRoute;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A request to the API itself: selects the template's route, runs its authorizer, builds the payload 2.0 event,
 * invokes the route's function and turns its answer (or failure) into the response.
 */
final class RouteHandler {

    private final RouteTable routes;
    private final AuthorizerStep authorizer;
    private final Function<String, LambdaInvoker> functions;
    private final Predicate<String> warm;
    private final Consumer<String> accessLog;
    private final Clock clock;

    RouteHandler(RouteTable routes, AuthorizerStep authorizer, Function<String, LambdaInvoker> functions,
            Predicate<String> warm, Consumer<String> accessLog, Clock clock) {
        this.routes = routes;
        this.authorizer = authorizer;
        this.functions = functions;
        this.warm = warm;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    Outcome handle(HttpExchange exchange, String method, byte[] body, String requestId) {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        Optional<RouteTable.Match> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return Outcome.gateway("-", ApiGatewayV2.message(404, "Not Found", requestId));
        }
        HttpRoute route = match.get().route();
        JwtAuthorizer.Decision decision = authorizer.authorize(route, exchange.getRequestHeaders());
        Optional<ApiGatewayV2.Response> refusal = AuthorizerStep.refusal(decision, requestId);
        if (refusal.isPresent()) {
            return Outcome.gateway(route.functionId(), refusal.get());
        }
        HttpApiEvent.Request request = new HttpApiEvent.Request(method, rawPath, uri.getRawQuery(), headers(exchange),
                body, exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
        HttpApiEvent.Context context = new HttpApiEvent.Context(ApiGatewayV2.ACCOUNT_ID, ApiGatewayV2.API_ID,
                route.routeKey(), match.get().pathParameters(), decision == null ? null : decision.claims(),
                decision == null ? null : decision.scopes(), requestId, clock.instant(), false);
        // Asked before the invocation, which warms the function up.
        String note = warm.test(route.functionId()) ? "" : " (cold start)";
        return new Outcome(route.functionId(), invoke(route.functionId(), HttpApiEvent.json(request, context),
                requestId), note);
    }

    private ApiGatewayV2.Response invoke(String functionId, byte[] event, String requestId) {
        try {
            return ApiGatewayV2.response(functions.apply(functionId).invoke(event), requestId);
        } catch (FunctionError e) {
            accessLog.accept("[http] " + functionId + " failed: " + e.errorType() + " " + abbreviate(e.errorDocument()));
            // A function error or timeout: API Gateway hides the details. A throttled function is a 429.
            return switch (e.errorType()) {
                case "Sandbox.Timedout" -> ApiGatewayV2.message(503, "Service Unavailable", requestId);
                case "TooManyRequestsException" -> ApiGatewayV2.message(429, "Too Many Requests", requestId);
                default -> ApiGatewayV2.message(500, "Internal Server Error", requestId);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiGatewayV2.message(503, "Service Unavailable", requestId);
        } catch (Exception e) {
            accessLog.accept("[http] " + functionId + " could not be invoked: " + e);
            return ApiGatewayV2.message(500, "Internal Server Error", requestId);
        }
    }

    /** The request headers as the event has them: lower-cased, with the {@code x-forwarded-port} API Gateway adds. */
    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        headers.putIfAbsent("x-forwarded-port", List.of(Integer.toString(exchange.getLocalAddress().getPort())));
        return headers;
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
