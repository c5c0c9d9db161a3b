package io.eventsuite.localcloud.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API's Lambda proxy integration, payload format 2.0: the event API Gateway builds from a request, and
 * how it turns the function's answer into the HTTP response.
 */
public final class ApiGatewayV2 {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String API_ID = "local";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    /** An HTTP request as received; header names in any case, each with its values. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String sourceIp, String protocol) {
    }

    /** The route and authorizer outcome the event describes; {@code claims} null for an open route. */
    public record Context(String routeKey, Map<String, String> pathParameters, Map<String, String> claims,
            List<String> scopes, String requestId, Instant time) {
    }

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

    /** The event JSON, in the shape API Gateway sends (version 2.0). */
    public static byte[] event(Request request, Context context) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> {
                    for (String c : v.split(";")) {
                        if (!c.isBlank()) {
                            cookies.add(c.strip());
                        }
                    }
                });
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(context.time().getEpochSecond()) + "-"
                + HexFormat.of().formatHex(randomBytes(12)));
        String host = headers.getOrDefault("host", "127.0.0.1");
        String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;

        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", context.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        event.set("headers", JSON.valueToTree(headers));
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            event.set("queryStringParameters", JSON.valueToTree(query));
        }
        ObjectNode rc = event.putObject("requestContext");
        rc.put("accountId", ACCOUNT_ID);
        rc.put("apiId", API_ID);
        if (context.claims() != null) {
            ObjectNode jwt = rc.putObject("authorizer").putObject("jwt");
            jwt.set("claims", JSON.valueToTree(context.claims()));
            if (context.scopes() == null) {
                jwt.putNull("scopes");
            } else {
                context.scopes().forEach(jwt.putArray("scopes")::add);
            }
        }
        rc.put("domainName", domainName);
        rc.put("domainPrefix", domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName);
        ObjectNode http = rc.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol() == null ? "HTTP/1.1" : request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        rc.put("requestId", context.requestId());
        rc.put("routeKey", context.routeKey());
        rc.put("stage", "$default");
        rc.put("time", REQUEST_TIME.format(context.time()));
        rc.put("timeEpoch", context.time().toEpochMilli());
        if (!context.pathParameters().isEmpty()) {
            event.set("pathParameters", JSON.valueToTree(context.pathParameters()));
        }
        byte[] body = request.body();
        boolean base64 = false;
        if (body != null && body.length > 0) {
            if (isText(headers.get("content-type"))) {
                event.put("body", new String(body, StandardCharsets.UTF_8));
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                base64 = true;
            }
        }
        event.put("isBase64Encoded", base64);
        return JSON.writeValueAsBytes(event);
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

    /** Query parameters as API Gateway passes them: decoded, repeated names joined with commas. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    /** Whether API Gateway passes a body of this content type as text (else base64 with isBase64Encoded). */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.strip();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
