package io.eventsuite.localcloud.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a response to the client; a HEAD request, a 204 and a 304 get the headers only, as HTTP requires. */
final class ResponseWriter {

    private ResponseWriter() {
    }

    static void write(HttpExchange exchange, String method, ApiGatewayV2.Response response) throws IOException {
        response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        boolean empty = response.body().length == 0 || method.equals("HEAD") || response.status() == 204
                || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
