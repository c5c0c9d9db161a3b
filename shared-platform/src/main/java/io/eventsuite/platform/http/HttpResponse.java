package io.eventsuite.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a route answers, before it is rendered into an API Gateway response.
 *
 * <p>Headers are only those the handler sets on purpose; nothing from the request is ever copied over.
 *
 * @param status  HTTP status code
 * @param headers response headers set by the handler (Location, ETag, ...)
 * @param body    an object rendered as JSON, a {@link Problem}, or null for no body
 */
public record HttpResponse(int status, Map<String, String> headers, Object body) {

    public HttpResponse {
        headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
    }

    public static HttpResponse ok(Object body) {
        return new HttpResponse(200, Map.of(), body);
    }

    public static HttpResponse created(String location, Object body) {
        return new HttpResponse(201, Map.of("Location", location), body);
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of(), null);
    }

    public static HttpResponse problem(ProblemType type, String detail) {
        return new HttpResponse(type.status(), Map.of(), Problem.of(type, detail));
    }

    public static HttpResponse problem(Problem problem) {
        return new HttpResponse(problem.status(), Map.of(), problem);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body);
    }

    /** Sets the entity tag for a versioned resource, the value clients send back in If-Match. */
    public HttpResponse withVersion(long version) {
        return withHeader("ETag", ETags.of(version));
    }
}
