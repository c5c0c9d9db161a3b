package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.eventsuite.localcloud.gateway.DevTokenIssuer;
import io.eventsuite.localcloud.tracing.ZipkinServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole local cloud in this JVM on free ports: the template provisioned in the emulators, the functions built
 * with the Makefile and run in their own JVMs under the runtime interface client, the SQS event sources polled,
 * the HTTP API with its authorizer. One user's walk through it, one trace followed across two services, in
 * the logs and as a span tree in the local cloud's Zipkin.
 */
@DisplayName("local cloud end to end")
class LocalCloudEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    /** How long to keep listening after the expected emails came, for a duplicate. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static LocalCloud cloud;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        Path project = Path.of(System.getProperty("eventsuite.project.dir", "../..")).toAbsolutePath().normalize();
        Path target = Path.of("target").toAbsolutePath();
        // Zipkin on a free port too (the jar comes from the build, see pom.xml): a 9411 in use belongs to someone else.
        System.setProperty(ZipkinServer.PORT_PROPERTY, Integer.toString(freePort()));
        LocalCloud.Options options = new LocalCloud.Options(project, null, null, 0, 0, 0, 0,
                target.resolve("e2e-artifacts"), target.resolve("e2e-env.json"), true, false, true, Map.of(),
                System.out);
        cloud = LocalCloud.start(options);
        ByteArrayOutputStream description = new ByteArrayOutputStream();
        cloud.describe(new PrintStream(description, true, StandardCharsets.UTF_8));
        System.out.print(description.toString(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void register_place_an_order_be_notified_and_follow_one_trace_across_services() throws Exception {
        String sub = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String email = sub + "@example.com";
        String token = JSON.readTree(post("/local/token", null, Map.of(),
                "{\"sub\":\"" + sub + "\",\"email\":\"" + email + "\",\"groups\":[]}").body())
                .path("access_token").asString();

        long firstRequest = System.nanoTime();
        HttpResponse<String> registered = post("/users", token, Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                "{\"displayName\":\"Alice\",\"email\":\"" + email + "\","
                        + "\"preferences\":{\"orderUpdates\":true,\"accountUpdates\":true}}");
        System.out.printf("first request (cold start of RegisterUserFunction) took %d ms%n",
                Duration.ofNanos(System.nanoTime() - firstRequest).toMillis());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("location")).hasValue("/users/" + sub);
        HttpResponse<String> aStrangersAddress = post("/users", token, Map.of(),
                "{\"displayName\":\"Mallory\",\"email\":\"victim-" + sub + "@example.com\"}");
        assertThat(aStrangersAddress.statusCode()).as("only the token's verified email").isEqualTo(403);
        assertThat(aStrangersAddress.body()).contains("urn:eventsuite:problem:email-not-verified");

        // The welcome is sent by SendNotificationsFunction's first (cold) start: let it finish before the next cold
        // start, two JVMs starting at once on a busy 2-core machine outlast PlaceOrderFunction's 15 s timeout.
        long welcomed = System.nanoTime() + EVENTUALLY.toNanos();
        while (System.nanoTime() < welcomed && cloud.logs().lines("SendNotificationsFunction").stream()
                .noneMatch(line -> line.contains("batch of"))) {
            Thread.sleep(500);
        }

        // No traceparent: the function starts the trace, and names it in its traceresponse header.
        HttpResponse<String> placed = post("/orders", token, Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                "{\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unitPrice\":{\"minorUnits\":1250,\"currency\":\"EUR\"}}]}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String traceId = placed.headers().firstValue("traceresponse").orElseThrow().split("-")[1];
        String location = placed.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith("/orders/");

        List<String> kinds = new ArrayList<>();
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> listed = get("/notifications", token);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            kinds.clear();
            JSON.readTree(listed.body()).path("items").forEach(n -> kinds.add(n.path("kind").asString()));
            if (kinds.containsAll(List.of("WELCOME", "ORDER_PLACED"))) {
                break;
            }
            Thread.sleep(1_000);
        }
        assertThat(kinds).containsExactlyInAnyOrder("WELCOME", "ORDER_PLACED");

        HttpResponse<String> order = get(location, token);
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        assertThat(JSON.readTree(order.body()).toString()).contains("BOOK-1");

        assertThat(cloud.logs().lines("PlaceOrderFunction")).anyMatch(line -> line.contains(traceId));
        assertThat(cloud.logs().lines("SendNotificationsFunction")).anyMatch(line -> line.contains(traceId));
        List<JsonNode> emails = captured(email, 2);
        assertThat(emails).as("the captured-email queue, the local SES: one email per notification, no duplicate")
                .hasSize(2);
        assertThat(emails).extracting(e -> e.path("notificationId").asString()).doesNotHaveDuplicates();
        assertThat(emails).extracting(e -> e.path("to").asString()).containsOnly(email);
        assertTraceTree(traceId);
        assertThat(Files.readString(Path.of("target", "e2e-env.json"))).contains("\"PlaceOrderFunction\"",
                "-Daws.endpointUrlDynamoDb=", "CURSOR_SIGNING_KEY");
    }

    /**
     * What {@code sam local start-api} functions get from env.json to check tokens themselves names this running
     * dev issuer: its key set (as served, the key that signs its tokens), issuer, client and the route's scope.
     */
    @Test
    void env_json_names_the_running_dev_issuer_for_sam_local_and_the_openapi_description_is_served() throws Exception {
        JsonNode env = JSON.readTree(Files.readString(Path.of("target", "e2e-env.json")));
        Map<String, String> listOrders = systemProperties(env.path("ListOrdersFunction").path("JAVA_TOOL_OPTIONS"));
        String issuer = cloud.apiEndpoint() + "/local";

        assertThat(listOrders).containsEntry("eventsuite.local-auth.jwks-uri", issuer + "/jwks.json")
                .containsEntry("eventsuite.local-auth.issuer", issuer)
                .containsEntry("eventsuite.local-auth.audience", cloud.issuer().clientId())
                .containsEntry("eventsuite.local-auth.route-scopes", "eventsuite/orders");
        assertThat(systemProperties(env.path("SendNotificationsFunction").path("JAVA_TOOL_OPTIONS")).keySet())
                .noneMatch(name -> name.startsWith("eventsuite.local-auth."));
        SignedJWT token = SignedJWT.parse(cloud.issuer().mint(
                new DevTokenIssuer.TokenRequest("sam-local", null, List.of(), null, null)));
        JWKSet served = JWKSet.parse(HTTP.send(HttpRequest.newBuilder(
                URI.create(listOrders.get("eventsuite.local-auth.jwks-uri"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.verify(new RSASSAVerifier((RSAKey) served.getKeyByKeyId(token.getHeader().getKeyID()))))
                .isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(issuer);

        HttpResponse<String> openApi = HTTP.send(HttpRequest.newBuilder(
                URI.create(cloud.apiEndpoint() + "/local/openapi.yaml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).startsWith("openapi: 3.1.0\n");
    }

    private static Map<String, String> systemProperties(JsonNode javaToolOptions) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (String option : javaToolOptions.asString().split("\\s+")) {
            if (option.startsWith("-D") && option.contains("=")) {
                properties.put(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
            }
        }
        return properties;
    }

    /**
     * The trace of the POST /orders in Zipkin: PlaceOrderFunction's server span, its DynamoDB and SNS client spans,
     * SendNotificationsFunction's consumer span (child of the server span, through the event) with its DynamoDB
     * and captured-email (SQS) client spans; one trace id, every parent present.
     */
    private static void assertTraceTree(String traceId) throws Exception {
        URI zipkin = cloud.zipkin().orElseThrow(() -> new AssertionError("the local cloud runs no Zipkin"));
        List<JsonNode> spans = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> trace = HTTP.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + traceId))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            spans.clear();
            if (trace.statusCode() == 200) {
                JSON.readTree(trace.body()).forEach(spans::add);
            }
            if (spans.stream().anyMatch(s -> "CONSUMER".equals(s.path("kind").asString())
                    && children(spans, s).size() >= 2)) {
                break;
            }
            Thread.sleep(1_000);
        }
        JsonNode server = single(spans, s -> "SERVER".equals(s.path("kind").asString())
                && "post /orders".equals(s.path("name").asString()));
        assertThat(server.path("localEndpoint").path("serviceName").asString()).isEqualTo("order-service");
        assertThat(server.has("parentId")).as("the function started the trace").isFalse();
        assertThat(clientCalls(children(spans, server))).contains("dynamodb", "sns");
        JsonNode consumer = single(spans, s -> "CONSUMER".equals(s.path("kind").asString()));
        assertThat(consumer.path("localEndpoint").path("serviceName").asString()).isEqualTo("notification-service");
        assertThat(consumer.path("parentId").asString()).isEqualTo(server.path("id").asString());
        assertThat(clientCalls(children(spans, consumer))).contains("dynamodb", "sqs");
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.path("traceId").asString()).isEqualTo(traceId);
            if (span != server) {
                assertThat(spans).as("the parent of " + span.path("name").asString())
                        .anyMatch(p -> p.path("id").asString().equals(span.path("parentId").asString()));
            }
        });
    }

    private static List<JsonNode> children(List<JsonNode> spans, JsonNode parent) {
        return spans.stream().filter(s -> s.path("parentId").asString().equals(parent.path("id").asString())).toList();
    }

    /** The AWS services the client spans called: their names are {@code <service>.<operation>}, lower-cased. */
    private static List<String> clientCalls(List<JsonNode> spans) {
        return spans.stream().filter(s -> "CLIENT".equals(s.path("kind").asString()))
                .map(s -> s.path("name").asString().split("\\.")[0]).toList();
    }

    private static JsonNode single(List<JsonNode> spans, java.util.function.Predicate<JsonNode> which) {
        List<JsonNode> matching = spans.stream().filter(which).toList();
        assertThat(matching).as("spans of the trace: " + spans).hasSize(1);
        return matching.getFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Every captured email to {@code email}: read (and deleted) until {@code expected} have come, then for a few
     * seconds more, so that a duplicate arriving just after them is counted too.
     */
    private List<JsonNode> captured(String email, int expected) {
        List<JsonNode> emails = new ArrayList<>();
        var sqs = LocalEmulators.sqsClient(cloud.emulators().sqs().endpoint(), cloud.emulators().region());
        try (sqs) {
            String queue = cloud.stack().capturedEmailQueueUrl();
            long deadline = System.nanoTime() + EVENTUALLY.toNanos();
            long settledAt = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settledAt)) {
                for (var message : sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()) {
                    JsonNode captured = JSON.readTree(message.body());
                    if (captured.path("to").asString().equals(email)) {
                        emails.add(captured);
                    }
                    sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                }
                if (emails.size() >= expected && settledAt == Long.MAX_VALUE) {
                    settledAt = System.nanoTime() + SETTLE.toNanos();
                }
            }
        }
        return emails;
    }

    private static HttpResponse<String> post(String path, String token, Map<String, String> headers, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.apiEndpoint() + path))
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.apiEndpoint() + path)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
