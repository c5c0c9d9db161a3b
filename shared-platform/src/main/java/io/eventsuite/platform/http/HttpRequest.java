package io.eventsuite.platform.http;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.Violation;
import io.eventsuite.domain.idempotency.RequestKey;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API request as a route handler sees it: the caller from the verified token, path and query
 * parameters, lower-cased headers and the raw body, which is parsed strictly on demand.
 */
public final class HttpRequest {

    private final String routeKey;
    private final String path;
    private final Caller caller;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final Map<String, String> queryParameters;
    private final String body;
    private final JsonBodyReader bodyReader;
    private final Optional<RequestKey> requestKey;

    HttpRequest(String routeKey, String path, Caller caller, Map<String, String> headers,
            Map<String, String> pathParameters, Map<String, String> queryParameters, String body,
            JsonBodyReader bodyReader) {
        this(routeKey, path, caller, headers, pathParameters, queryParameters, body, bodyReader, Optional.empty());
    }

    private HttpRequest(String routeKey, String path, Caller caller, Map<String, String> headers,
            Map<String, String> pathParameters, Map<String, String> queryParameters, String body,
            JsonBodyReader bodyReader, Optional<RequestKey> requestKey) {
        this.routeKey = routeKey;
        this.path = path;
        this.caller = caller;
        this.headers = headers;
        this.pathParameters = pathParameters;
        this.queryParameters = queryParameters;
        this.body = body;
        this.bodyReader = bodyReader;
        this.requestKey = requestKey;
    }

    /** This request, run under the {@code Idempotency-Key} contract with {@code key}. */
    HttpRequest withRequestKey(RequestKey key) {
        return new HttpRequest(routeKey, path, caller, headers, pathParameters, queryParameters, body, bodyReader,
                Optional.of(key));
    }

    /**
     * Present when the route runs under the {@code Idempotency-Key} contract and the client sent a key: the same
     * for every retry of this request, for use cases that make their writes idempotent with it.
     */
    public Optional<RequestKey> requestKey() {
        return requestKey;
    }

    /** The API Gateway route, such as {@code POST /orders}. */
    public String routeKey() {
        return routeKey;
    }

    public String path() {
        return path;
    }

    /** Who is calling: from the authorizer's verified claims, the only source of identity. */
    public Caller caller() {
        return caller;
    }

    /** A header by its lower-case name (API Gateway lower-cases them in payload 2.0). */
    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /**
     * A path parameter. API Gateway only routes requests that have it, so a missing one is our bug; a
     * malformed one is the client's and is reported on the parameter's name by the domain's own rules.
     */
    public <T> T pathParameter(String name, java.util.function.Function<String, T> parse) {
        String raw = pathParameters.get(name);
        if (raw == null) {
            throw new IllegalStateException("route " + routeKey + " has no path parameter " + name);
        }
        return parseNamed(name, raw, parse);
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    /** An optional whole-number query parameter, a 422 naming it when it is not a number. */
    public Optional<Integer> intQueryParameter(String name) {
        return queryParameter(name).map(raw -> {
            try {
                return Integer.valueOf(raw);
            } catch (NumberFormatException notANumber) {
                throw new InvalidInput(name, "must be a whole number");
            }
        });
    }

    /** The page a list route is asked for: {@code ?limit=} (1 to 100, default 20) and an opaque {@code ?cursor=}. */
    public PageRequest page() {
        return PageRequest.of(intQueryParameter("limit").orElse(null), queryParameter("cursor").orElse(null));
    }

    /** The body parsed strictly as {@code type}; refusals become 400, 415 or 422 problems. */
    public <T> T body(Class<T> type) {
        return bodyReader.read(body, header("content-type"), type);
    }

    /** The body parsed strictly as {@code type}, or empty when the request has no body at all. */
    public <T> Optional<T> optionalBody(Class<T> type) {
        return body == null || body.isBlank() ? Optional.empty() : Optional.of(body(type));
    }

    /** The raw body, for fingerprinting (Idempotency-Key); never log it. */
    String rawBody() {
        return body == null ? "" : body;
    }

    private static <T> T parseNamed(String name, String raw, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(raw);
        } catch (InvalidInput invalid) {
            throw new InvalidInput(invalid.violations().stream()
                    .map(v -> new Violation(name, v.message()))
                    .toList());
        }
    }
}
