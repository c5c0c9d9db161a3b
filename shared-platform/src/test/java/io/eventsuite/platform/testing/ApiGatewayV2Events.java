package io.eventsuite.platform.testing;

import io.eventsuite.localcloud.events.HttpApiEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds HTTP API (payload format 2.0) event JSON in the exact shape API Gateway sends to a Lambda, with the
 * JWT authorizer's claims in {@code requestContext.authorizer.jwt} (claims are flattened to strings, as
 * API Gateway does, so {@code cognito:groups} arrives as {@code "[admin]"}). It describes the request; the event is
 * built by the local cloud's gateway code ({@link HttpApiEvent}), so tests and the local cloud send the same shape.
 */
public final class ApiGatewayV2Events {

    /** When the request came: a fixed time, as a recorded event has one. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant REQUEST_TIME = Instant.ofEpochMilli(1795719838390L);

    private final String method;
    private final String routePath;
    private final String rawPath;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private Map<String, String> claims;
    private String body;
    private boolean base64;
    private boolean samLocal;

    private ApiGatewayV2Events(String method, String routePath, String rawPath) {
        this.method = method;
        this.routePath = routePath;
        this.rawPath = rawPath;
        headers.put("accept", "application/json");
        headers.put("host", "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com");
        headers.put("user-agent", "curl/8.5.0");
        headers.put("x-amzn-trace-id", "Root=1-6745b3a1-0123456789abcdef01234567");
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
    }

    /** A request to {@code routePath} (such as {@code /users/{id}}) at the concrete {@code rawPath}. */
    public static ApiGatewayV2Events request(String method, String routePath, String rawPath) {
        return new ApiGatewayV2Events(method, routePath, rawPath);
    }

    /** Signed in as {@code sub}, an ordinary user with the API's scopes. */
    public ApiGatewayV2Events as(String sub) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sub", sub);
        c.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE");
        c.put("client_id", "3n4b5urk1ft4fl3mg5e62d9ado");
        c.put("token_use", "access");
        c.put("scope", "eventsuite/users eventsuite/orders eventsuite/notifications");
        c.put("auth_time", "1764190000");
        c.put("exp", "1764193600");
        c.put("iat", "1764190000");
        c.put("username", sub);
        this.claims = c;
        headers.put("authorization", "Bearer eyJraWQiOiJ0ZXN0IiwiYWxnIjoiUlMyNTYifQ.e30.c2lnbmF0dXJl");
        return this;
    }

    /** Signed in as an administrator (member of the Cognito group {@code admin}). */
    public ApiGatewayV2Events asAdmin(String sub) {
        as(sub);
        claims.put("cognito:groups", "[admin]");
        return this;
    }

    /**
     * The caller's token carries {@code email} with {@code email_verified} "true", as API Gateway passes the
     * claims of a Cognito access token our pre token generation trigger enriched (every claim a string).
     */
    public ApiGatewayV2Events verifiedEmail(String email) {
        return emailClaims(email, "true");
    }

    /** The {@code email} and {@code email_verified} claims as given; call after {@link #as(String)}. */
    public ApiGatewayV2Events emailClaims(String email, String emailVerified) {
        claims.put("email", email);
        claims.put("email_verified", emailVerified);
        return this;
    }

    /** No authorizer context at all: what a route without an authorizer would receive. */
    public ApiGatewayV2Events anonymous() {
        this.claims = null;
        headers.remove("authorization");
        return this;
    }

    /**
     * The event as {@code sam local start-api} builds it (SAM CLI's {@code ApiGatewayV2LambdaEvent}): it runs no JWT
     * authorizer, so there is no {@code requestContext.authorizer} block, only the {@code Authorization} header as the
     * client sent it; its request context holds only the account, a fixed API and request id, the route and
     * {@code http}; headers keep the case the client sent, and absent parts are JSON nulls.
     */
    public ApiGatewayV2Events asSamLocalSends(String authorization) {
        this.claims = null;
        this.samLocal = true;
        headers.clear();
        headers.put("Host", "127.0.0.1:3001");
        headers.put("User-Agent", "curl/8.5.0");
        headers.put("Accept", "*/*");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        headers.put("X-Forwarded-Proto", "http");
        headers.put("X-Forwarded-Port", "3001");
        return this;
    }

    public ApiGatewayV2Events header(String name, String value) {
        headers.put(samLocal ? name : name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public ApiGatewayV2Events pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public ApiGatewayV2Events query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ApiGatewayV2Events jsonBody(String json) {
        this.body = json;
        header("Content-Type", "application/json");
        header("Content-Length", Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
        return this;
    }

    /** The body as API Gateway sends binary or non-text payloads: base64 with isBase64Encoded. */
    public ApiGatewayV2Events base64Body(String text) {
        jsonBody(text);
        this.base64 = true;
        return this;
    }

    /** The API Gateway route key, such as {@code GET /orders/{id}}. */
    public String routeKey() {
        return method + " " + routePath;
    }

    /** The event as API Gateway builds it (by the local cloud's own {@link HttpApiEvent}), or as SAM CLI sends it. */
    public String toJson() {
        return samLocal ? samLocalJson() : apiGatewayJson();
    }

    private String apiGatewayJson() {
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> requestHeaders.put(name, List.of(value)));
        HttpApiEvent.Request request = new HttpApiEvent.Request(method, rawPath, rawQuery(), requestHeaders,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "203.0.113.7", "HTTP/1.1");
        HttpApiEvent.Context context = new HttpApiEvent.Context("123456789012", "a1b2c3d4e5", routeKey(),
                pathParameters, claims, null, "JKJaXmPLvHcESHA=" + UUID.randomUUID().toString().substring(0, 8),
                REQUEST_TIME, base64);
        return new String(HttpApiEvent.json(request, context), StandardCharsets.UTF_8);
    }

    private String samLocalJson() {
        ObjectNode event = eventStart();
        event.putNull("cookies");
        event.set("headers", JSON.valueToTree(headers));
        event.set("queryStringParameters", query.isEmpty() ? null : JSON.valueToTree(query));
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "1234567890");
        putHttp(context, "127.0.0.1", "Custom User Agent String");
        context.put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        context.put("routeKey", routeKey());
        context.put("stage", "$default");
        event.put("body", base64 && body != null
                ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        event.set("pathParameters", pathParameters.isEmpty() ? null : JSON.valueToTree(pathParameters));
        event.putNull("stageVariables");
        event.put("isBase64Encoded", base64);
        return JSON.writeValueAsString(event);
    }

    private ObjectNode eventStart() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey());
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery());
        return event;
    }

    private void putHttp(ObjectNode context, String sourceIp, String userAgent) {
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", userAgent);
    }

    private String rawQuery() {
        StringBuilder raw = new StringBuilder();
        query.forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return raw.toString();
    }
}
