package io.eventsuite.platform.http;

/**
 * The part of an HTTP function that is the service's own: turn the request into a command, call the use
 * case, map its result to a response. Everything else (identity, parsing, errors, logs) is the adapter's.
 */
@FunctionalInterface
public interface RouteHandler {

    HttpResponse handle(HttpRequest request);
}
