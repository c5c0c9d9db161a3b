package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * the HTTP API with its authorizer. One user's walk through it, one trace id followed across two services.
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
        String traceId = HexFormat.of().formatHex(randomBytes(16));
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

        HttpResponse<String> placed = post("/orders", token, Map.of("Idempotency-Key", UUID.randomUUID().toString(),
                "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"),
                "{\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unitPrice\":{\"minorUnits\":1250,\"currency\":\"EUR\"}}]}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
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
        assertThat(Files.readString(Path.of("target", "e2e-env.json"))).contains("\"PlaceOrderFunction\"",
                "-Daws.endpointUrlDynamoDb=", "CURSOR_SIGNING_KEY");
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

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
