package io.eventsuite.localcloud.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.FunctionError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local-only endpoints under {@code /local/}, none of which exists in AWS: {@code POST /local/token} (a dev
 * access token), {@code GET /local/jwks.json} and {@code GET /local/.well-known/openid-configuration} (the dev
 * issuer), {@code POST /local/invoke/<Function>} (invoke any function with the request body as its event, like
 * {@code aws lambda invoke}), {@code GET /local/openapi.yaml} (the API's OpenAPI description, docs/openapi.yaml).
 * Answered to loopback clients only: anyone else could mint tokens.
 */
final class LocalEndpoints {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code null} when the API has no authorizer: then there are no token endpoints. */
    private final DevTokenIssuer issuer;
    private final Function<String, LambdaInvoker> functions;

    private final java.util.function.Supplier<Map<String, Object>> faultReport;

    /** {@code null} when there is no OpenAPI description to serve. */
    private final Path openApi;

    LocalEndpoints(DevTokenIssuer issuer, Function<String, LambdaInvoker> functions,
            java.util.function.Supplier<Map<String, Object>> faultReport, Path openApi) {
        this.issuer = issuer;
        this.functions = functions;
        this.faultReport = faultReport;
        this.openApi = openApi;
    }

    ApiGatewayV2.Response answer(HttpExchange exchange, String method, String rawPath, byte[] body,
            String requestId) {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return ApiGatewayV2.message(404, "Not Found", requestId);
        }
        if (rawPath.equals("/local/token") && method.equals("POST") && issuer != null) {
            return token(body, requestId);
        }
        if (rawPath.equals("/local/jwks.json") && method.equals("GET") && issuer != null) {
            return json(200, issuer.publicKeys().toString(), requestId);
        }
        if (rawPath.equals("/local/.well-known/openid-configuration") && method.equals("GET") && issuer != null) {
            return json(200, JSON.writeValueAsString(Map.of("issuer", issuer.issuer(),
                    "jwks_uri", issuer.issuer() + "/jwks.json", "token_endpoint", issuer.issuer() + "/token",
                    "id_token_signing_alg_values_supported", List.of("RS256"))), requestId);
        }
        if (rawPath.equals("/local/openapi.yaml") && method.equals("GET") && openApi != null) {
            return openApi(requestId);
        }
        if (rawPath.equals("/local/faults") && method.equals("GET")) {
            return json(200, JSON.writeValueAsString(faultReport.get()), requestId);
        }
        if (rawPath.startsWith("/local/invoke/") && method.equals("POST")) {
            String functionId = rawPath.substring("/local/invoke/".length());
            try {
                byte[] answer = functions.apply(functionId).invoke(body.length == 0 ? "{}".getBytes() : body);
                return json(200, new String(answer, StandardCharsets.UTF_8), requestId);
            } catch (IllegalArgumentException unknown) {
                return ApiGatewayV2.message(404, "No function " + functionId, requestId);
            } catch (FunctionError e) {
                return json(200, e.errorDocument(), requestId, Map.of("x-amz-function-error", "Unhandled"));
            } catch (Exception e) {
                return ApiGatewayV2.message(500, "Internal Server Error", requestId);
            }
        }
        return ApiGatewayV2.message(404, "Not Found", requestId);
    }

    /** Read at each request, so an edit of docs/openapi.yaml shows without a restart. */
    private ApiGatewayV2.Response openApi(String requestId) {
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(openApi);
        } catch (IOException e) {
            return ApiGatewayV2.message(404, "No OpenAPI description at " + openApi, requestId);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/yaml"));
        headers.put("apigw-requestid", List.of(requestId));
        return new ApiGatewayV2.Response(200, headers, yaml);
    }

    private ApiGatewayV2.Response token(byte[] body, String requestId) {
        JsonNode request;
        try {
            request = JSON.readTree(body.length == 0 ? "{}".getBytes() : body);
        } catch (RuntimeException malformed) {
            return json(400, "{\"message\":\"the body must be JSON such as {\\\"sub\\\":\\\"alice\\\"}\"}", requestId);
        }
        String sub = request.path("sub").asString(null);
        if (sub == null || sub.isBlank()) {
            return json(400, "{\"message\":\"sub is required, e.g. {\\\"sub\\\":\\\"alice\\\",\\\"email\\\":"
                    + "\\\"alice@example.com\\\",\\\"groups\\\":[\\\"admin\\\"]}\"}", requestId);
        }
        List<String> groups = strings(request.path("groups"));
        List<String> scopes = request.has("scopes") ? strings(request.path("scopes")) : null;
        Duration lifetime = request.has("expiresInSeconds")
                ? Duration.ofSeconds(request.path("expiresInSeconds").asLong()) : null;
        boolean emailVerified = !request.has("emailVerified") || request.path("emailVerified").asBoolean();
        String token = issuer.mint(new DevTokenIssuer.TokenRequest(sub, request.path("email").asString(null), groups,
                scopes, lifetime, emailVerified));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", (lifetime == null ? DevTokenIssuer.DEFAULT_LIFETIME : lifetime).toSeconds());
        answer.put("scope", String.join(" ", scopes == null ? issuer.defaultScopes() : scopes));
        return json(200, JSON.writeValueAsString(answer), requestId);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else if (node.isString()) {
            for (String s : node.asString().split("[\\s,]+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static ApiGatewayV2.Response json(int status, String body, String requestId) {
        return json(status, body, requestId, Map.of());
    }

    private static ApiGatewayV2.Response json(int status, String body, String requestId, Map<String, String> extra) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("apigw-requestid", List.of(requestId));
        extra.forEach((k, v) -> headers.put(k, List.of(v)));
        return new ApiGatewayV2.Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
