package io.eventsuite.platform.snapstart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An API Gateway HTTP API (payload 2.0) event for priming a route, as the gateway hands it to the function after its
 * JWT authorizer: a caller whose claims the gateway passes on, JSON in and out, and the route's path parameters.
 *
 * @param method     the HTTP method
 * @param routeKey   the route's path template, as in the template ({@code /orders/{id}})
 * @param path       the request's path
 * @param pathParams the path parameters
 * @param claims     the caller's token claims (flattened to strings, as the gateway passes them)
 * @param headers    headers beyond {@code accept} and {@code content-type} (names in lower case)
 * @param body       the body, or null
 */
public record PrimingRequest(String method, String routeKey, String path, Map<String, String> pathParams,
        Map<String, String> claims, Map<String, String> headers, String body) {

    /** The {@code Idempotency-Key} of priming requests: one a client never sends, never stored (run in memory). */
    public static final String IDEMPOTENCY_KEY = "snapstart-priming-0000000000000000";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PrimingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(routeKey, "routeKey");
        Objects.requireNonNull(path, "path");
        pathParams = Map.copyOf(pathParams);
        claims = Map.copyOf(claims);
        headers = Map.copyOf(headers);
    }

    /** A request of the caller {@code sub} with the access token's {@code scope}, no extra header, no body. */
    public static PrimingRequest of(String method, String routeKey, String path, String sub, String scope) {
        return new PrimingRequest(method, routeKey, path, Map.of(), Map.of("sub", sub, "token_use", "access",
                "scope", scope), Map.of(), null);
    }

    public PrimingRequest withPathParameter(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(pathParams);
        more.put(name, value);
        return new PrimingRequest(method, routeKey, path, more, claims, headers, body);
    }

    public PrimingRequest withClaim(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(claims);
        more.put(name, value);
        return new PrimingRequest(method, routeKey, path, pathParams, more, headers, body);
    }

    public PrimingRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PrimingRequest(method, routeKey, path, pathParams, claims, more, body);
    }

    /** With the priming {@link #IDEMPOTENCY_KEY}: for requests only ever run in memory. */
    public PrimingRequest withIdempotencyKey() {
        return withHeader("idempotency-key", IDEMPOTENCY_KEY);
    }

    public PrimingRequest withBody(String json) {
        return new PrimingRequest(method, routeKey, path, pathParams, claims, headers, json);
    }

    /** The event's JSON. */
    public String json() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode headerNode = event.putObject("headers");
        headerNode.put("accept", "application/json");
        headerNode.put("content-type", "application/json");
        headers.forEach(headerNode::put);
        if (pathParams.isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode params = event.putObject("pathParameters");
            pathParams.forEach(params::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "snapstart-priming");
        context.putObject("http").put("method", method).put("path", path);
        ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
        ObjectNode claimNode = jwt.putObject("claims");
        claims.forEach(claimNode::put);
        jwt.putNull("scopes");
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }
}
