package io.eventsuite.localcloud.events;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event an HTTP API's Lambda proxy integration sends (payload format 2.0), built from a request as received and
 * the route and authorizer outcome: the local cloud's gateway sends it, the tests' builder
 * ({@code ApiGatewayV2Events}) describes a request and has it built here.
 */
public final class HttpApiEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    /** An HTTP request as received; header names in any case, each with its values. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String sourceIp, String protocol) {
    }

    /**
     * The route and authorizer outcome the event describes; {@code claims} null for an open route. {@code base64}
     * sends the body base64-encoded whatever its content type (API Gateway may do so for any); else only
     * a body whose content type is not text is.
     */
    public record Context(String accountId, String apiId, String routeKey, Map<String, String> pathParameters,
            Map<String, String> claims, List<String> scopes, String requestId, Instant time, boolean base64) {
    }

    private HttpApiEvent() {
    }

    /** The event JSON, in the shape API Gateway sends (version 2.0). */
    public static byte[] json(Request request, Context context) {
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
        rc.put("accountId", context.accountId());
        rc.put("apiId", context.apiId());
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
            if (!context.base64() && isText(headers.get("content-type"))) {
                event.put("body", new String(body, StandardCharsets.UTF_8));
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                base64 = true;
            }
        }
        event.put("isBase64Encoded", base64);
        return JSON.writeValueAsBytes(event);
    }

    /** Query parameters as API Gateway passes them: decoded, repeated names joined with commas. */
    public static Map<String, String> queryParameters(String rawQuery) {
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
    public static boolean isText(String contentType) {
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
