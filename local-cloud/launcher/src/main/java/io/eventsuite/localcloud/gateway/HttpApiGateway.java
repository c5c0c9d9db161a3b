package io.eventsuite.localcloud.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.FunctionError;
import io.eventsuite.localcloud.template.SamTemplate.Cors;
import io.eventsuite.localcloud.template.SamTemplate.HttpRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API on 127.0.0.1: selects the template's route, runs the JWT authorizer (401 and 403 as API Gateway
 * answers them), builds the payload 2.0 event, invokes the route's function and writes its response back. Applies
 * the API's CORS configuration (preflights answered by the gateway, as API Gateway does).
 *
 * <p>Local-only endpoints under {@code /local/}, answered only to loopback clients, none of which exists in AWS:
 * {@code POST /local/token} (a dev access token), {@code GET /local/jwks.json} and
 * {@code GET /local/.well-known/openid-configuration} (the dev issuer), {@code POST /local/invoke/<Function>}
 * (invoke any function with the request body as its event, like {@code aws lambda invoke}).
 */
public final class HttpApiGateway implements AutoCloseable {

    /** Request body limit of API Gateway HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the gateway needs besides the routes. */
    public record Settings(String host, int port, Map<String, JwtAuthorizer> authorizers, Cors cors,
            DevTokenIssuer issuer) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final Map<String, JwtAuthorizer> authorizers;
    private final Cors cors;
    private final DevTokenIssuer issuer;
    private final Function<String, LambdaInvoker> functions;
    private final Predicate<String> warm;
    private final Consumer<String> accessLog;
    private final Clock clock = Clock.systemUTC();

    private HttpApiGateway(HttpServer server, ExecutorService executor, RouteTable routes, Settings settings,
            Function<String, LambdaInvoker> functions, Predicate<String> warm, Consumer<String> accessLog) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.authorizers = Map.copyOf(settings.authorizers());
        this.cors = settings.cors();
        this.issuer = settings.issuer();
        this.functions = functions;
        this.warm = warm;
        this.accessLog = accessLog;
    }

    /**
     * Starts serving.
     *
     * @param functions the invoker of each function, by logical id
     * @param warm      whether a function's environment is warm (for the access log's "cold start" note)
     * @param accessLog one line per request
     */
    public static HttpApiGateway start(List<HttpRoute> routes, Settings settings,
            Function<String, LambdaInvoker> functions, Predicate<String> warm, Consumer<String> accessLog) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("the HTTP API cannot listen on " + settings.host() + ":" + settings.port()
                    + " (is another local cloud or sam local running? choose another with --port)", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        HttpApiGateway gateway = new HttpApiGateway(server, executor, new RouteTable(routes), settings, functions, warm,
                accessLog);
        server.createContext("/", gateway::handle);
        server.start();
        return gateway;
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public RouteTable routes() {
        return routes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = ApiGatewayV2.newRequestId();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String target = "-";
        String note = "";
        ApiGatewayV2.Response response;
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (rawPath.startsWith("/local/")) {
                target = "local";
                response = local(exchange, method, rawPath, body, requestId);
            } else if (body.length > MAX_BODY_BYTES) {
                response = ApiGatewayV2.message(413, "Request Entity Too Large", requestId);
            } else if (isPreflight(exchange, method)) {
                target = "cors";
                response = preflight(exchange, requestId);
            } else {
                Optional<RouteTable.Match> match = routes.match(method, rawPath);
                if (match.isEmpty()) {
                    response = ApiGatewayV2.message(404, "Not Found", requestId);
                } else {
                    HttpRoute route = match.get().route();
                    target = route.functionId();
                    Map<String, String> claims = null;
                    List<String> scopes = null;
                    JwtAuthorizer authorizer = route.authorizer() == null ? null : authorizers.get(route.authorizer());
                    if (route.authorizer() != null && authorizer == null) {
                        throw new IllegalStateException("route " + route.routeKey() + " names authorizer "
                                + route.authorizer() + ", which the HTTP API does not define");
                    }
                    JwtAuthorizer.Decision decision = authorizer == null ? null
                            : authorizer.authorize(exchange.getRequestHeaders().getFirst(authorizer.header()),
                                    route.scopes());
                    if (decision != null && decision.status() == 401) {
                        response = ApiGatewayV2.message(401, "Unauthorized", requestId);
                    } else if (decision != null && decision.status() == 403) {
                        response = ApiGatewayV2.message(403, "Forbidden", requestId);
                    } else {
                        if (decision != null) {
                            claims = decision.claims();
                            scopes = decision.scopes();
                        }
                        ApiGatewayV2.Request request = new ApiGatewayV2.Request(method, rawPath, uri.getRawQuery(),
                                headers(exchange), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                                exchange.getProtocol());
                        ApiGatewayV2.Context context = new ApiGatewayV2.Context(route.routeKey(),
                                match.get().pathParameters(), claims, scopes, requestId, clock.instant());
                        note = warm.test(route.functionId()) ? "" : " (cold start)";
                        response = invoke(route.functionId(), ApiGatewayV2.event(request, context), requestId);
                    }
                }
            }
            response = withCors(exchange, response);
            write(exchange, method, response);
        } catch (RuntimeException | IOException e) {
            accessLog.accept("[http] " + method + " " + rawPath + " failed in the gateway: " + e);
            try {
                write(exchange, method, ApiGatewayV2.message(500, "Internal Server Error", requestId));
            } catch (IOException | RuntimeException ignored) {
                // the client went away
            }
            return;
        } finally {
            exchange.close();
        }
        accessLog.accept(String.format("[http] %s %s -> %s %d in %d ms%s", method, rawPath, target, response.status(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), note));
    }

    private ApiGatewayV2.Response invoke(String functionId, byte[] event, String requestId) {
        try {
            return ApiGatewayV2.response(functions.apply(functionId).invoke(event), requestId);
        } catch (FunctionError e) {
            accessLog.accept("[http] " + functionId + " failed: " + e.errorType() + " " + abbreviate(e.errorDocument()));
            // A function error or timeout: API Gateway hides the details.
            return e.errorType().equals("Sandbox.Timedout")
                    ? ApiGatewayV2.message(503, "Service Unavailable", requestId)
                    : ApiGatewayV2.message(500, "Internal Server Error", requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiGatewayV2.message(503, "Service Unavailable", requestId);
        } catch (Exception e) {
            accessLog.accept("[http] " + functionId + " could not be invoked: " + e);
            return ApiGatewayV2.message(500, "Internal Server Error", requestId);
        }
    }

    // ---- local-only endpoints --------------------------------------------------------------------------------

    private ApiGatewayV2.Response local(HttpExchange exchange, String method, String rawPath, byte[] body,
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
        String token = issuer.mint(new DevTokenIssuer.TokenRequest(sub, request.path("email").asString(null), groups,
                scopes, lifetime));
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

    // ---- CORS ------------------------------------------------------------------------------------------------

    private boolean isPreflight(HttpExchange exchange, String method) {
        return cors != null && method.equals("OPTIONS")
                && exchange.getRequestHeaders().getFirst("Origin") != null
                && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null;
    }

    private ApiGatewayV2.Response preflight(HttpExchange exchange, String requestId) {
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

    private ApiGatewayV2.Response withCors(HttpExchange exchange, ApiGatewayV2.Response response) {
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

    // ---- plumbing --------------------------------------------------------------------------------------------

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        headers.putIfAbsent("x-forwarded-port", List.of(Integer.toString(exchange.getLocalAddress().getPort())));
        return headers;
    }

    private static void write(HttpExchange exchange, String method, ApiGatewayV2.Response response) throws IOException {
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

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
