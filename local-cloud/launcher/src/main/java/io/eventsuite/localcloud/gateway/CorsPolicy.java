package io.eventsuite.localcloud.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.eventsuite.localcloud.template.SamTemplate.Cors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's CORS configuration, applied as API Gateway applies it: the gateway answers preflights itself
 * (they never reach a function) and adds the CORS headers to every answer to an allowed origin.
 */
final class CorsPolicy {

    /** {@code null} when the API configures no CORS: then no request is a preflight and no header is added. */
    private final Cors cors;

    CorsPolicy(Cors cors) {
        this.cors = cors;
    }

    boolean isPreflight(HttpExchange exchange, String method) {
        return cors != null && method.equals("OPTIONS")
                && exchange.getRequestHeaders().getFirst("Origin") != null
                && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null;
    }

    ApiGatewayV2.Response preflight(HttpExchange exchange, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("apigw-requestid", List.of(requestId));
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (originAllowed(origin)) {
            headers.put("access-control-allow-methods", List.of(String.join(",", cors.allowMethods())));
            if (!cors.allowHeaders().isEmpty()) {
                headers.put("access-control-allow-headers", List.of(String.join(",", cors.allowHeaders())));
            }
            if (cors.maxAge() != null) {
                headers.put("access-control-max-age", List.of(cors.maxAge().toString()));
            }
        }
        return new ApiGatewayV2.Response(204, headers, new byte[0]);
    }

    ApiGatewayV2.Response withCors(HttpExchange exchange, ApiGatewayV2.Response response) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (cors == null || origin == null || !originAllowed(origin)) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put("access-control-allow-origin", List.of(cors.allowOrigins().contains("*") ? "*" : origin));
        headers.put("vary", List.of("Origin"));
        if (cors.allowCredentials()) {
            headers.put("access-control-allow-credentials", List.of("true"));
        }
        if (!cors.exposeHeaders().isEmpty()) {
            headers.put("access-control-expose-headers", List.of(String.join(",", cors.exposeHeaders())));
        }
        return new ApiGatewayV2.Response(response.status(), headers, response.body());
    }

    private boolean originAllowed(String origin) {
        return cors.allowOrigins().contains("*") || cors.allowOrigins().contains(origin);
    }
}
