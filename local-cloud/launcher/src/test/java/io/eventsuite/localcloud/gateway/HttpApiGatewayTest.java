package io.eventsuite.localcloud.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.FunctionError;
import io.eventsuite.localcloud.template.SamTemplate.Cors;
import io.eventsuite.localcloud.template.SamTemplate.HttpRoute;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway against a stub function: no JVMs, only the HTTP API, the authorizer and the event shape. */
@DisplayName("HTTP API gateway and JWT authorizer")
class HttpApiGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUDIENCE = "UserPoolClient";

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile byte[] answer = ("{\"statusCode\":201,\"headers\":{\"Location\":\"/orders/o-1\","
            + "\"Content-Type\":\"application/json\"},\"body\":\"eyJvayI6dHJ1ZX0=\",\"isBase64Encoded\":true}")
            .getBytes(StandardCharsets.UTF_8);
    private final LambdaInvoker stub = event -> {
        events.add(JSON.readTree(event));
        return answer;
    };
    private final HttpClient http = HttpClient.newHttpClient();
    private DevTokenIssuer issuer;
    private HttpApiGateway gateway;

    @BeforeEach
    void start() {
        int port = freePort();
        String issuerUrl = "http://127.0.0.1:" + port + "/local";
        issuer = new DevTokenIssuer(issuerUrl, AUDIENCE, List.of("eventsuite/users", "eventsuite/orders"),
                Clock.systemUTC());
        JwtAuthorizer authorizer = new JwtAuthorizer("authorization", issuerUrl, List.of(AUDIENCE),
                issuer.publicKeys(), Clock.systemUTC());
        List<HttpRoute> routes = List.of(
                new HttpRoute("PlaceOrderFunction", "Api", "POST", "/orders", "Jwt", List.of("eventsuite/orders")),
                new HttpRoute("CancelOrderFunction", "Api", "POST", "/orders/{id}/cancel", "Jwt",
                        List.of("eventsuite/orders")),
                new HttpRoute("GetUserFunction", "Api", "GET", "/users/{id}", "Jwt", List.of("eventsuite/users")),
                new HttpRoute("ListNotificationsFunction", "Api", "GET", "/notifications", "Jwt",
                        List.of("eventsuite/notifications")),
                new HttpRoute("HealthFunction", "Api", "GET", "/health", null, List.of()));
        Cors cors = new Cors(List.of("http://localhost:5173"), List.of("GET", "POST"), List.of("authorization"),
                List.of("location"), 600, false);
        gateway = HttpApiGateway.start(routes, new HttpApiGateway.Settings("127.0.0.1", port,
                Map.of("Jwt", authorizer), cors, issuer), name -> stub, name -> true, line -> { });
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void no_token_or_a_bad_one_is_401_and_never_reaches_the_function() throws Exception {
        DevTokenIssuer stranger = new DevTokenIssuer(issuer.issuer(), AUDIENCE, List.of("eventsuite/orders"),
                Clock.systemUTC());
        String[] refused = {null, "", "Bearer not-a-jwt", "Bearer " + stranger.mint(alice()),
                "Bearer " + issuer.mint(alice()).replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl")};
        for (String authorization : refused) {
            HttpResponse<String> response = send("POST", "/orders", authorization, "{}");
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        }
        assertThat(events).isEmpty();
    }

    @Test
    void the_authorizer_checks_expiry_issuer_and_audience_of_a_correctly_signed_token() {
        String token = "Bearer " + issuer.mint(alice());
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        List<String> scopes = List.of("eventsuite/orders");

        assertThat(new JwtAuthorizer("authorization", issuer.issuer(), List.of(AUDIENCE), issuer.publicKeys(),
                Clock.systemUTC()).authorize(token, scopes).status()).isEqualTo(200);
        assertThat(new JwtAuthorizer("authorization", issuer.issuer(), List.of(AUDIENCE), issuer.publicKeys(), later)
                .authorize(token, scopes).status()).as("expired").isEqualTo(401);
        assertThat(new JwtAuthorizer("authorization", "https://elsewhere", List.of(AUDIENCE), issuer.publicKeys(),
                Clock.systemUTC()).authorize(token, scopes).status()).as("issuer").isEqualTo(401);
        assertThat(new JwtAuthorizer("authorization", issuer.issuer(), List.of("another-client"), issuer.publicKeys(),
                Clock.systemUTC()).authorize(token, scopes).status()).as("audience").isEqualTo(401);
        assertThat(new JwtAuthorizer("authorization", issuer.issuer(), List.of(AUDIENCE), issuer.publicKeys(),
                Clock.systemUTC()).authorize(token.substring("Bearer ".length()), scopes).status())
                .as("without the Bearer prefix").isEqualTo(200);
    }

    @Test
    void a_token_without_the_routes_scope_is_403() throws Exception {
        String usersOnly = issuer.mint(new DevTokenIssuer.TokenRequest("alice", "alice@example.com", List.of(),
                List.of("eventsuite/users"), null));

        HttpResponse<String> response = send("POST", "/orders", "Bearer " + usersOnly, "{}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(events).isEmpty();
        assertThat(send("GET", "/notifications", "Bearer " + issuer.mint(alice()), null).statusCode())
                .as("the default scopes do not include notifications here").isEqualTo(403);
    }

    @Test
    void a_valid_token_reaches_the_function_with_the_exact_v2_event_and_its_response_comes_back() throws Exception {
        String token = issuer.mint(alice());

        HttpResponse<String> response = send("POST", "/orders/o%2D1/cancel?limit=5&tag=a&tag=b", "Bearer " + token,
                "{\"reason\":\"changed my mind\"}", "traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "Cookie", "a=1; b=2");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("location")).hasValue("/orders/o-1");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(response.body()).as("base64 body decoded").isEqualTo("{\"ok\":true}");
        JsonNode event = events.getFirst();
        assertThat(event.path("version").asString()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asString()).isEqualTo("POST /orders/{id}/cancel");
        assertThat(event.path("rawPath").asString()).isEqualTo("/orders/o%2D1/cancel");
        assertThat(event.path("rawQueryString").asString()).isEqualTo("limit=5&tag=a&tag=b");
        assertThat(event.path("queryStringParameters").path("tag").asString()).isEqualTo("a,b");
        assertThat(event.path("pathParameters").path("id").asString()).isEqualTo("o-1");
        assertThat(event.path("headers").path("traceparent").asString()).startsWith("00-0af7651916cd43dd");
        assertThat(event.path("headers").path("content-type").asString()).isEqualTo("application/json");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("cookies")).extracting(JsonNode::asString).containsExactly("a=1", "b=2");
        assertThat(event.path("headers").properties()).allSatisfy(h ->
                assertThat(h.getKey()).isEqualTo(h.getKey().toLowerCase()));
        JsonNode context = event.path("requestContext");
        assertThat(context.path("http").path("method").asString()).isEqualTo("POST");
        assertThat(context.path("http").path("path").asString()).isEqualTo("/orders/o%2D1/cancel");
        assertThat(context.path("http").path("sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(context.path("requestId").asString()).hasSize(16)
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(context.path("time").asString()).matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000");
        assertThat(context.path("stage").asString()).isEqualTo("$default");
        JsonNode claims = context.path("authorizer").path("jwt").path("claims");
        assertThat(claims.path("sub").asString()).isEqualTo("alice");
        assertThat(claims.path("email").asString()).isEqualTo("alice@example.com");
        assertThat(claims.path("email_verified").asString()).as("as the deployed access token carries it")
                .isEqualTo("true");
        assertThat(claims.path("cognito:groups").asString()).isEqualTo("[admin]");
        assertThat(claims.path("scope").asString()).isEqualTo("eventsuite/users eventsuite/orders");
        assertThat(claims.path("exp").isString()).as("every claim is a string").isTrue();
        assertThat(claims.path("iss").asString()).isEqualTo(issuer.issuer());
        assertThat(context.path("authorizer").path("jwt").path("scopes"))
                .extracting(JsonNode::asString).contains("eventsuite/orders");
        assertThat(event.path("body").asString()).isEqualTo("{\"reason\":\"changed my mind\"}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void the_event_has_the_same_fields_as_the_reference_payload() throws Exception {
        send("POST", "/orders/o-1/cancel?limit=5", "Bearer " + issuer.mint(alice()), "{\"reason\":\"x\"}");
        String reference = ApiGatewayV2Events.request("POST", "/orders/{id}/cancel", "/orders/o-1/cancel")
                .asAdmin("alice").pathParameter("id", "o-1").query("limit", "5").jsonBody("{\"reason\":\"x\"}").toJson();

        assertThat(fieldPaths(events.getFirst())).isEqualTo(fieldPaths(JSON.readTree(reference)));
    }

    @Test
    void a_binary_body_is_base64_and_an_open_route_needs_no_token() throws Exception {
        answer = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health"))
                .method("GET", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("a non-response object is a 200 JSON body").isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"hello\":\"world\"}");
        JsonNode event = events.getFirst();
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asString())).containsExactly(1, 2, 3);
        assertThat(event.path("requestContext").has("authorizer")).isFalse();
    }

    @Test
    void unknown_routes_are_404_function_errors_500_and_cors_preflights_are_answered() throws Exception {
        HttpResponse<String> missing = send("GET", "/nowhere", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Not Found\"}");

        HttpApiGateway failing = null;
        gateway.close();
        int port = freePort();
        failing = HttpApiGateway.start(List.of(new HttpRoute("F", "Api", "GET", "/health", null, List.of())),
                new HttpApiGateway.Settings("127.0.0.1", port, Map.of(), null, issuer),
                name -> event -> {
                    throw new FunctionError("java.lang.IllegalStateException", "{\"errorMessage\":\"boom\"}");
                }, name -> true, line -> { });
        try {
            HttpResponse<String> error = http.send(HttpRequest.newBuilder(URI.create(failing.endpoint() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(error.statusCode()).isEqualTo(500);
            assertThat(error.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        } finally {
            failing.close();
            start();
        }

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
        assertThat(events).isEmpty();
    }

    @Test
    void the_token_endpoint_mints_tokens_the_gateway_accepts() throws Exception {
        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(uri("/local/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"bob\",\"email\":\"bob@example.com\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(minted.statusCode()).isEqualTo(200);
        String token = JSON.readTree(minted.body()).path("access_token").asString();

        assertThat(send("GET", "/users/bob", "Bearer " + token, null).statusCode()).isEqualTo(201);
        assertThat(events.getFirst().path("requestContext").path("authorizer").path("jwt").path("claims")
                .path("sub").asString()).isEqualTo("bob");
        assertThat(http.send(HttpRequest.newBuilder(uri("/local/token")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(uri("/local/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"kty\":\"RSA\"");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static DevTokenIssuer.TokenRequest alice() {
        return new DevTokenIssuer.TokenRequest("alice", "alice@example.com", List.of("admin"), null, null);
    }

    @Test
    void a_throttled_function_is_429_and_the_fault_counts_are_served_on_loopback() throws Exception {
        gateway.close();
        int port = freePort();
        HttpApiGateway throttled = HttpApiGateway.start(List.of(new HttpRoute("F", "Api", "GET", "/health", null,
                        List.of())),
                new HttpApiGateway.Settings("127.0.0.1", port, Map.of(), null, issuer,
                        () -> Map.of("on", true, "injected", Map.of("crash", 3))),
                name -> event -> {
                    throw new FunctionError("TooManyRequestsException", "{\"errorMessage\":\"Rate Exceeded.\"}");
                }, name -> true, line -> { });
        try {
            HttpResponse<String> busy = http.send(HttpRequest.newBuilder(URI.create(throttled.endpoint() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> faults = http.send(HttpRequest.newBuilder(
                    URI.create(throttled.endpoint() + "/local/faults")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(busy.statusCode()).isEqualTo(429);
            assertThat(faults.statusCode()).isEqualTo(200);
            assertThat(faults.body()).contains("\"crash\":3");
        } finally {
            throttled.close();
            start();
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String authorization, String json,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(gateway.endpoint() + pathAndQuery);
    }

    /** Every field's path, descending into objects except the open-ended maps (headers, claims, parameters). */
    private static TreeSet<String> fieldPaths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
        List<String> opaque = new ArrayList<>(List.of("headers", "claims", "queryStringParameters", "pathParameters"));
        node.properties().forEach(e -> {
            String path = prefix + e.getKey();
            paths.add(path);
            if (e.getValue().isObject() && !opaque.contains(e.getKey())) {
                collect(e.getValue(), path + ".", paths);
            }
        });
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
