package io.eventsuite.localcloud.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's Lambda proxy integration, payload format 2.0: how API Gateway turns the function's answer into the
 * HTTP response (the event it builds from a request is {@link io.eventsuite.localcloud.events.HttpApiEvent}).
 */
public final class ApiGatewayV2 {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String API_ID = "local";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What goes back to the client. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private ApiGatewayV2() {
    }

    /** An API Gateway-style request id, such as {@code JKJaXmPLvHcESHA=}. */
    public static String newRequestId() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 15) + "=";
    }

    /**
     * The HTTP response for a function's answer. An object with {@code statusCode} is taken as given
     * ({@code headers}, {@code multiValueHeaders}, {@code cookies}, {@code body}, base64-decoded when
     * {@code isBase64Encoded}); anything else is, as format 2.0 infers it, a 200 JSON body.
     */
    public static Response response(byte[] answer, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode node;
        try {
            node = JSON.readTree(answer);
        } catch (RuntimeException notJson) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.has("statusCode")) {
            headers.put("content-type", List.of("application/json"));
            headers.put("apigw-requestid", List.of(requestId));
            return new Response(200, headers, answer);
        }
        int status = node.path("statusCode").asInt(200);
        node.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT),
                new ArrayList<>(List.of(e.getValue().asString()))));
        node.path("multiValueHeaders").properties().forEach(e -> {
            List<String> values = headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            e.getValue().forEach(v -> values.add(v.asString()));
        });
        if (node.path("cookies").isArray()) {
            List<String> setCookie = headers.computeIfAbsent("set-cookie", k -> new ArrayList<>());
            node.path("cookies").forEach(c -> setCookie.add(c.asString()));
        }
        headers.put("apigw-requestid", List.of(requestId));
        JsonNode bodyNode = node.path("body");
        byte[] body;
        if (bodyNode.isMissingNode() || bodyNode.isNull()) {
            body = new byte[0];
        } else if (node.path("isBase64Encoded").asBoolean(false)) {
            body = Base64.getDecoder().decode(bodyNode.asString());
        } else {
            body = (bodyNode.isString() ? bodyNode.asString() : bodyNode.toString()).getBytes(StandardCharsets.UTF_8);
        }
        return new Response(status, headers, body);
    }

    /** A gateway-made answer such as {@code {"message":"Unauthorized"}}. */
    public static Response message(int status, String message, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("apigw-requestid", List.of(requestId));
        return new Response(status, headers,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
