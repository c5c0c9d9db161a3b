package io.eventsuite.localcloud.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.template.SamTemplate.Cors;
import io.eventsuite.localcloud.template.SamTemplate.HttpRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The HTTP API on 127.0.0.1: selects the template's route, runs the JWT authorizer (401 and 403 as API Gateway
 * answers them), builds the payload 2.0 event, invokes the route's function and writes its response back. Applies
 * the API's CORS configuration (preflights answered by the gateway, as API Gateway does).
 *
 * <p>Local-only endpoints under {@code /local/}, answered only to loopback clients, none of which exists in AWS:
 * {@code POST /local/token} (a dev access token), {@code GET /local/jwks.json} and
 * {@code GET /local/.well-known/openid-configuration} (the dev issuer), {@code POST /local/invoke/<Function>}
 * (invoke any function with the request body as its event, like {@code aws lambda invoke}), {@code GET
 * /local/openapi.yaml} (the API's OpenAPI description).
 *
 * <p>This class serves and dispatches; {@link RouteHandler} (with {@link AuthorizerStep}), {@link LocalEndpoints},
 * {@link CorsPolicy} and {@link ResponseWriter} do the rest.
 */
public final class HttpApiGateway implements AutoCloseable {

    /** Request body limit of API Gateway HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** What the gateway needs besides the routes. */
    /**
     * @param faultReport what {@code GET /local/faults} answers (the fault switch's rates and counts)
     * @param openApi     the API's OpenAPI description, served at {@code GET /local/openapi.yaml}; null: none
     */
    public record Settings(String host, int port, Map<String, JwtAuthorizer> authorizers, Cors cors,
            DevTokenIssuer issuer, java.util.function.Supplier<Map<String, Object>> faultReport, Path openApi) {

        public Settings(String host, int port, Map<String, JwtAuthorizer> authorizers, Cors cors,
                DevTokenIssuer issuer, java.util.function.Supplier<Map<String, Object>> faultReport) {
            this(host, port, authorizers, cors, issuer, faultReport, null);
        }

        public Settings(String host, int port, Map<String, JwtAuthorizer> authorizers, Cors cors,
                DevTokenIssuer issuer) {
            this(host, port, authorizers, cors, issuer, () -> Map.of("on", false));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final RouteHandler routeHandler;
    private final LocalEndpoints localEndpoints;
    private final CorsPolicy cors;
    private final Consumer<String> accessLog;

    private HttpApiGateway(HttpServer server, ExecutorService executor, RouteTable routes, Settings settings,
            Function<String, LambdaInvoker> functions, Predicate<String> warm, Consumer<String> accessLog) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.routeHandler = new RouteHandler(routes, new AuthorizerStep(settings.authorizers()), functions, warm,
                accessLog, Clock.systemUTC());
        this.localEndpoints = new LocalEndpoints(settings.issuer(), functions, settings.faultReport(),
                settings.openApi());
        this.cors = new CorsPolicy(settings.cors());
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
        String rawPath = exchange.getRequestURI().getRawPath();
        Outcome outcome;
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            outcome = dispatch(exchange, method, rawPath, body, requestId);
            outcome = new Outcome(outcome.target(), cors.withCors(exchange, outcome.response()), outcome.note());
            ResponseWriter.write(exchange, method, outcome.response());
        } catch (RuntimeException | IOException e) {
            accessLog.accept("[http] " + method + " " + rawPath + " failed in the gateway: " + e);
            try {
                ResponseWriter.write(exchange, method, ApiGatewayV2.message(500, "Internal Server Error", requestId));
            } catch (IOException | RuntimeException ignored) {
                // the client went away
            }
            return;
        } finally {
            exchange.close();
        }
        accessLog.accept(String.format("[http] %s %s -> %s %d in %d ms%s%s", method, rawPath, outcome.target(),
                outcome.response().status(), Duration.ofNanos(System.nanoTime() - started).toMillis(), outcome.note(),
                traceNote(outcome.response())));
    }

    /**
     * The trace the function answered in, from its W3C {@code traceresponse} header, so a user can open it in the
     * trace UI; empty when the answer names none.
     */
    static String traceNote(ApiGatewayV2.Response response) {
        return response.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("traceresponse"))
                .flatMap(header -> header.getValue().stream())
                .map(value -> value.split("-"))
                .filter(parts -> parts.length == 4 && parts[1].matches("[0-9a-f]{32}"))
                .map(parts -> " trace " + parts[1])
                .findFirst().orElse("");
    }

    /** Local endpoints first (they accept any body size), then API Gateway's own checks, then the routes. */
    private Outcome dispatch(HttpExchange exchange, String method, String rawPath, byte[] body, String requestId) {
        if (rawPath.startsWith("/local/")) {
            return Outcome.gateway("local", localEndpoints.answer(exchange, method, rawPath, body, requestId));
        }
        if (body.length > MAX_BODY_BYTES) {
            return Outcome.gateway("-", ApiGatewayV2.message(413, "Request Entity Too Large", requestId));
        }
        if (cors.isPreflight(exchange, method)) {
            return Outcome.gateway("cors", cors.preflight(exchange, requestId));
        }
        return routeHandler.handle(exchange, method, body, requestId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
