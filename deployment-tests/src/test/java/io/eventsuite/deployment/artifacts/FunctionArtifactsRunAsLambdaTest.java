package io.eventsuite.deployment.artifacts;

import static io.eventsuite.deployment.artifacts.FlowEvents.JSON;
import static io.eventsuite.deployment.artifacts.FlowEvents.PROBLEM_JSON;
import static io.eventsuite.deployment.artifacts.FlowEvents.TWO_LINES;
import static io.eventsuite.deployment.artifacts.FlowEvents.assertAnswer;
import static io.eventsuite.deployment.artifacts.FlowEvents.assertBatchItemFailures;
import static io.eventsuite.deployment.artifacts.FlowEvents.assertNoBatchItemFailures;
import static io.eventsuite.deployment.artifacts.FlowEvents.assertRelayReport;
import static io.eventsuite.deployment.artifacts.FlowEvents.email;
import static io.eventsuite.deployment.artifacts.FlowEvents.orderRequest;
import static io.eventsuite.deployment.artifacts.FlowEvents.post;
import static io.eventsuite.deployment.artifacts.FlowEvents.requires;
import static io.eventsuite.deployment.artifacts.FlowEvents.scheduledEvent;
import static io.eventsuite.deployment.artifacts.FlowEvents.updated;
import static io.eventsuite.deployment.artifacts.FlowEvents.userBody;
import static io.eventsuite.deployment.artifacts.FlowEvents.userRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.eventsuite.deployment.artifacts.DeployedFunction.HttpReply;
import io.eventsuite.deployment.artifacts.EmulatedStack.Published;
import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.DomainEvent;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.localcloud.functions.ArtifactBuilder;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import io.eventsuite.localcloud.template.SamTemplate;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.CognitoEvents;
import io.eventsuite.platform.testing.SqsEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Every {@code AWS::Serverless::Function} of template.yaml, as Lambda would run it: its artifact and the layer built
 * by {@code make build-<LogicalId>} (what {@code sam build} runs; the local cloud's {@link ArtifactBuilder}), each
 * function in a fresh JVM whose classpath is only the task root, its {@code lib/*.jar} and the layer's
 * {@code java/lib/*.jar}, under the real runtime interface client, with the handler, memory and timeout of the
 * template and its environment variables resolved against the local emulators (provisioned by the local cloud's
 * {@code Provisioner}). Each is invoked with real events (HTTP API payload 2.0 with JWT claims, SQS batches of
 * CloudEvents, EventBridge schedules) in one flow, from registering users to erasing them, and must answer as it
 * should; SNS is failed on purpose once per producing service so that each relay has something to publish.
 *
 * <p>One environment per function, started for its step and closed after it (one JVM at a time); the first
 * invocation is its cold start. Cold/warm times are printed at the end, not asserted. What the artifacts hold is
 * {@link FunctionArtifactsContentTest}'s; the events and checks are {@link FlowEvents}'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("every function's artifact, built by make as sam build does, runs under the Lambda runtime client")
class FunctionArtifactsRunAsLambdaTest {

    /** Every function of the template, in the order the flow exercises them (one test each, below). */
    private static final List<String> FLOW = List.of(
            "RegisterUserFunction", "GetUserFunction", "UpdateUserFunction",
            "PlaceOrderFunction", "GetOrderFunction", "ListOrdersFunction", "CancelOrderFunction",
            "RelayOrderEventsFunction",
            "ProjectRecipientsFunction", "SendNotificationsFunction", "ListNotificationsFunction",
            "DeleteUserFunction", "RelayUserEventsFunction",
            "CancelOrdersOfDeletedUserFunction", "PurgeRecipientFunction", "PreTokenGenerationFunction");

    private static final String USER_TOPIC = "UserEventsTopic";
    private static final String ORDER_TOPIC = "OrderEventsTopic";

    /** The artifacts and the template they were built from. */
    private BuiltArtifacts built;
    private final Map<String, DeployedFunction> started = new LinkedHashMap<>();
    private final CloudEventCodec codec = new CloudEventCodec(StrictJson.create().mapper());
    private EmulatedStack stack;

    // The flow's data: three users (all erased at the end) and their orders.
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String alice = "alice-" + run;
    private final String bob = "bob-" + run;
    private final String carol = "carol-" + run;
    private String aliceOrder1;
    private String aliceOrder2;
    private String bobOrder;
    /** When an event was last left pending; the relay leaves events younger than its minimum age alone. */
    private Instant leftPendingAt = Instant.EPOCH;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void buildEveryArtifactAndStartTheEmulators() {
        built = BuiltArtifacts.get();
        stack = EmulatedStack.start(built.template);
    }

    @AfterAll
    void closeEverythingAndReport() {
        try {
            started.values().forEach(DeployedFunction::close);
        } finally {
            if (stack != null) {
                stack.close();
            }
            System.out.println(timingTable());
        }
    }

    // ---- the artifacts ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("every AWS::Serverless::Function of the template is exercised by this flow")
    void everyFunctionIsInTheFlow() {
        assertThat(built.declared.ofType(Template.SERVERLESS_FUNCTION).map(Resource::id).toList())
                .as("functions of template.yaml (a new one needs its step in this test)")
                .containsExactlyInAnyOrderElementsOf(FLOW);
    }

    // ---- user-service -------------------------------------------------------------------------------------------

    @Test
    @Order(10)
    @DisplayName("RegisterUserFunction: POST /users answers 201 (400 problem+json for malformed JSON)")
    void registerUser() throws Throwable {
        exercise("RegisterUserFunction", function -> {
            HttpReply first = function.http(post("/users", "/users").as(alice).verifiedEmail(email(alice)).jsonBody(userBody("Alice", alice)));
            assertAnswer(first, 201, JSON);
            assertThat(first.field("id")).isEqualTo(alice);

            HttpReply second = function.http(post("/users", "/users").as(bob).verifiedEmail(email(bob)).jsonBody(userBody("Bob", bob)));
            assertAnswer(second, 201, JSON);
            assertThat(second.field("email")).isEqualTo(email(bob));

            assertAnswer(function.http(post("/users", "/users").as(carol).verifiedEmail(email(carol)).jsonBody(userBody("Carol", carol))), 201, JSON);

            HttpReply malformed = function.http(post("/users", "/users").as("mallory-" + run)
                    .jsonBody("{\"displayName\": \"Mallory\", "));
            assertAnswer(malformed, 400, PROBLEM_JSON);
            assertThat(malformed.field("type")).isEqualTo("urn:eventsuite:problem:malformed-json");

            assertPublished(USER_TOPIC, UserRegistered.TYPE, alice, bob, carol);
        });
    }

    @Test
    @Order(20)
    @DisplayName("GetUserFunction: GET /users/{id} answers 200")
    void getUser() throws Throwable {
        exercise("GetUserFunction", function -> {
            HttpReply first = function.http(userRequest("GET", alice).as(alice));
            assertAnswer(first, 200, JSON);
            assertThat(first.field("displayName")).isEqualTo("Alice");
            assertThat(first.header("ETag")).isEqualTo("\"1\"");

            HttpReply second = function.http(userRequest("GET", bob).as(bob));
            assertAnswer(second, 200, JSON);
            assertThat(second.field("id")).isEqualTo(bob);
        });
    }

    @Test
    @Order(30)
    @DisplayName("UpdateUserFunction: PATCH /users/{id} with If-Match answers 200")
    void updateUser() throws Throwable {
        exercise("UpdateUserFunction", function -> {
            HttpReply first = function.http(userRequest("PATCH", alice).as(alice).header("If-Match", "\"1\"")
                    .jsonBody("{\"displayName\":\"Alice Liddell\"}"));
            assertAnswer(first, 200, JSON);
            assertThat(first.field("displayName")).isEqualTo("Alice Liddell");
            assertThat(first.header("ETag")).isEqualTo("\"2\"");

            HttpReply second = function.http(userRequest("PATCH", bob).as(bob).header("If-Match", "\"1\"")
                    .jsonBody("{\"displayName\":\"Bob Cratchit\"}"));
            assertAnswer(second, 200, JSON);
            assertThat(second.field("displayName")).isEqualTo("Bob Cratchit");

            assertPublished(USER_TOPIC, UserUpdated.TYPE, alice, bob);
        });
    }

    // ---- order-service ------------------------------------------------------------------------------------------

    @Test
    @Order(40)
    @DisplayName("PlaceOrderFunction: POST /orders answers 201 (and keeps the event pending while SNS is down)")
    void placeOrder() throws Throwable {
        exercise("PlaceOrderFunction", function -> {
            HttpReply first = function.http(post("/orders", "/orders").as(alice).jsonBody(TWO_LINES));
            assertAnswer(first, 201, JSON);
            assertThat(first.field("status")).isEqualTo("PLACED");
            aliceOrder1 = first.field("id");

            HttpReply second = function.http(post("/orders", "/orders").as(alice).jsonBody(TWO_LINES));
            assertAnswer(second, 201, JSON);
            assertThat(second.field("customerId")).isEqualTo(alice);
            aliceOrder2 = second.field("id");
            assertPublished(ORDER_TOPIC, OrderPlaced.TYPE, aliceOrder1, aliceOrder2);

            // SNS down: the order is stored with its event pending in the outbox, for RelayOrderEventsFunction.
            stack.emulators.sns().failAllPublishes();
            try {
                HttpReply third = function.http(post("/orders", "/orders").as(bob).jsonBody(TWO_LINES));
                assertAnswer(third, 201, JSON);
                bobOrder = third.field("id");
                leftPendingAt = Instant.now();
            } finally {
                stack.emulators.sns().healthy();
            }
            assertThat(stack.drainTap(ORDER_TOPIC)).as("published while SNS was down").isEmpty();
            assertThat(stack.item("OrdersTable", "id", bobOrder)).as("the order's item").containsKey("outboxState");
        });
    }

    @Test
    @Order(50)
    @DisplayName("GetOrderFunction: GET /orders/{id} answers 200")
    void getOrder() throws Throwable {
        requires(aliceOrder1, aliceOrder2);
        exercise("GetOrderFunction", function -> {
            HttpReply first = function.http(orderRequest("GET", "/orders/{id}", aliceOrder1, "").as(alice));
            assertAnswer(first, 200, JSON);
            assertThat(first.field("id")).isEqualTo(aliceOrder1);

            HttpReply second = function.http(orderRequest("GET", "/orders/{id}", aliceOrder2, "").as(alice));
            assertAnswer(second, 200, JSON);
            assertThat(second.field("status")).isEqualTo("PLACED");
        });
    }

    @Test
    @Order(60)
    @DisplayName("ListOrdersFunction: GET /orders answers 200, a page at a time with a signed cursor")
    void listOrders() throws Throwable {
        requires(aliceOrder1, aliceOrder2);
        exercise("ListOrdersFunction", function -> {
            HttpReply first = function.http(ApiGatewayV2Events.request("GET", "/orders", "/orders").as(alice));
            assertAnswer(first, 200, JSON);
            assertThat(first.body().path("items").valueStream().map(o -> o.path("id").asString()))
                    .containsExactlyInAnyOrder(aliceOrder1, aliceOrder2);

            HttpReply second = function.http(ApiGatewayV2Events.request("GET", "/orders", "/orders").as(alice)
                    .query("limit", "1"));
            assertAnswer(second, 200, JSON);
            assertThat(second.body().path("items").size()).isEqualTo(1);
            assertThat(second.field("nextCursor")).as("a cursor signed with CURSOR_SIGNING_KEY").isNotBlank();
        });
    }

    @Test
    @Order(70)
    @DisplayName("CancelOrderFunction: POST /orders/{id}/cancel answers 200")
    void cancelOrder() throws Throwable {
        requires(aliceOrder1, bobOrder);
        exercise("CancelOrderFunction", function -> {
            HttpReply first = function.http(orderRequest("POST", "/orders/{id}/cancel", aliceOrder1, "/cancel")
                    .as(alice).jsonBody("{\"reason\":\"changed my mind\"}"));
            assertAnswer(first, 200, JSON);
            assertThat(first.field("status")).isEqualTo("CANCELLED");

            HttpReply second = function.http(orderRequest("POST", "/orders/{id}/cancel", bobOrder, "/cancel")
                    .as(bob).jsonBody("{\"reason\":\"too slow\"}"));
            assertAnswer(second, 200, JSON);
            assertThat(second.field("cancellationReason")).isEqualTo("too slow");

            assertPublished(ORDER_TOPIC, OrderCancelled.TYPE, aliceOrder1, bobOrder);
        });
    }

    @Test
    @Order(80)
    @DisplayName("RelayOrderEventsFunction: a scheduled event answers a relay report; it publishes what was left pending")
    void relayOrderEvents() throws Throwable {
        requires(bobOrder);
        exercise("RelayOrderEventsFunction", function -> {
            waitUntilOldEnoughToRelay();
            JsonNode first = function.invokeJson(scheduledEvent("RelayOrderEvents"));
            assertRelayReport(first, 1);
            assertPublished(ORDER_TOPIC, OrderPlaced.TYPE, bobOrder);

            assertRelayReport(function.invokeJson(scheduledEvent("RelayOrderEvents")), 0);
        });
    }

    // ---- notification-service -----------------------------------------------------------------------------------

    @Test
    @Order(90)
    @DisplayName("ProjectRecipientsFunction: a UserUpdated batch answers no failures (an undecodable record is reported)")
    void projectRecipients() throws Throwable {
        exercise("ProjectRecipientsFunction", function -> {
            SqsEvents batch = SqsEvents.batchFrom("ProjectRecipientsQueue");
            add(batch, EventSources.USERS, updated(alice, "Alice Liddell"));
            assertNoBatchItemFailures(function.invokeJson(batch.toJson()));
            assertThat(stack.hasItem("RecipientsTable", "id", alice)).as("alice's recipient projection").isTrue();

            SqsEvents withGarbage = SqsEvents.batchFrom("ProjectRecipientsQueue");
            String garbage = withGarbage.add("{not a cloud event", Map.of("type", UserUpdated.TYPE));
            add(withGarbage, EventSources.USERS, updated(bob, "Bob Cratchit"));
            assertBatchItemFailures(function.invokeJson(withGarbage.toJson()), garbage);
            assertThat(stack.hasItem("RecipientsTable", "id", bob)).as("bob's recipient projection").isTrue();
        });
    }

    @Test
    @Order(100)
    @DisplayName("SendNotificationsFunction: a batch answers no failures and the email reaches the captured-email queue")
    void sendNotifications() throws Throwable {
        requires(aliceOrder2);
        exercise("SendNotificationsFunction", function -> {
            stack.drainCapturedEmails();
            SqsEvents batch = SqsEvents.batchFrom("SendNotificationsQueue");
            add(batch, EventSources.USERS, new UserRegistered(new UserId(alice), "Alice", new Email(email(alice)),
                    NotificationPreferences.DEFAULT));
            assertNoBatchItemFailures(function.invokeJson(batch.toJson()));
            assertThat(stack.drainCapturedEmails()).as("captured emails after UserRegistered")
                    .singleElement().satisfies(e -> assertThat(e.path("to").asString()).isEqualTo(email(alice)));

            SqsEvents withGarbage = SqsEvents.batchFrom("SendNotificationsQueue");
            String garbage = withGarbage.add("{not a cloud event", Map.of("type", OrderPlaced.TYPE));
            add(withGarbage, EventSources.ORDERS, new OrderPlaced(new OrderId(aliceOrder2), new UserId(alice),
                    List.of(new OrderLine("BOOK-1", 2, new Money(1250, "EUR"))), new Money(2500, "EUR")));
            assertBatchItemFailures(function.invokeJson(withGarbage.toJson()), garbage);
            assertThat(stack.drainCapturedEmails()).as("captured emails after OrderPlaced")
                    .singleElement().satisfies(e -> assertThat(e.path("to").asString()).isEqualTo(email(alice)));
        });
    }

    @Test
    @Order(110)
    @DisplayName("ListNotificationsFunction: GET /notifications answers 200")
    void listNotifications() throws Throwable {
        exercise("ListNotificationsFunction", function -> {
            HttpReply first = function.http(
                    ApiGatewayV2Events.request("GET", "/notifications", "/notifications").as(alice));
            assertAnswer(first, 200, JSON);
            assertThat(first.body().path("items").size()).as("alice's notifications").isEqualTo(2);

            HttpReply second = function.http(
                    ApiGatewayV2Events.request("GET", "/notifications", "/notifications").as(alice).query("limit", "1"));
            assertAnswer(second, 200, JSON);
            assertThat(second.field("nextCursor")).isNotBlank();
        });
    }

    // ---- erasure ------------------------------------------------------------------------------------------------

    @Test
    @Order(120)
    @DisplayName("DeleteUserFunction: DELETE /users/{id} answers 204 (and keeps the event pending while SNS is down)")
    void deleteUser() throws Throwable {
        exercise("DeleteUserFunction", function -> {
            HttpReply first = function.http(userRequest("DELETE", alice).as(alice));
            assertAnswer(first, 204, null);
            assertThat(first.rawBody()).as("body of a 204").isNull();
            assertThat(first.header("Cache-Control")).isEqualTo("no-store");

            assertAnswer(function.http(userRequest("DELETE", carol).as(carol)), 204, null);
            assertPublished(USER_TOPIC, UserDeleted.TYPE, alice, carol);

            stack.emulators.sns().failAllPublishes();
            try {
                assertAnswer(function.http(userRequest("DELETE", bob).as(bob)), 204, null);
                leftPendingAt = Instant.now();
            } finally {
                stack.emulators.sns().healthy();
            }
            assertThat(stack.drainTap(USER_TOPIC)).as("published while SNS was down").isEmpty();
        });
    }

    @Test
    @Order(130)
    @DisplayName("RelayUserEventsFunction: a scheduled event answers a relay report; it publishes what was left pending")
    void relayUserEvents() throws Throwable {
        exercise("RelayUserEventsFunction", function -> {
            waitUntilOldEnoughToRelay();
            assertRelayReport(function.invokeJson(scheduledEvent("RelayUserEvents")), 1);
            assertPublished(USER_TOPIC, UserDeleted.TYPE, bob);

            assertRelayReport(function.invokeJson(scheduledEvent("RelayUserEvents")), 0);
        });
    }

    @Test
    @Order(140)
    @DisplayName("CancelOrdersOfDeletedUserFunction: a UserDeleted batch answers no failures and cancels open orders")
    void cancelOrdersOfDeletedUser() throws Throwable {
        requires(aliceOrder2);
        exercise("CancelOrdersOfDeletedUserFunction", function -> {
            SqsEvents batch = SqsEvents.batchFrom("CancelOrdersOfDeletedUserQueue");
            add(batch, EventSources.USERS, erasureOf(alice));
            assertNoBatchItemFailures(function.invokeJson(batch.toJson()));
            assertPublished(ORDER_TOPIC, OrderCancelled.TYPE, aliceOrder2);

            SqsEvents withGarbage = SqsEvents.batchFrom("CancelOrdersOfDeletedUserQueue");
            String garbage = withGarbage.add("{not a cloud event", Map.of("type", UserDeleted.TYPE));
            add(withGarbage, EventSources.USERS, erasureOf(carol));
            assertBatchItemFailures(function.invokeJson(withGarbage.toJson()), garbage);
        });
    }

    @Test
    @Order(150)
    @DisplayName("PurgeRecipientFunction: a UserDeleted batch answers no failures and leaves a recipient tombstone")
    void purgeRecipient() throws Throwable {
        exercise("PurgeRecipientFunction", function -> {
            SqsEvents batch = SqsEvents.batchFrom("PurgeRecipientQueue");
            add(batch, EventSources.USERS, erasureOf(alice));
            assertNoBatchItemFailures(function.invokeJson(batch.toJson()));
            assertThat(stack.item("RecipientsTable", "id", alice)).as("alice's recipient projection")
                    .containsOnlyKeys("id", "version", "erased", "erasedAt");

            SqsEvents withGarbage = SqsEvents.batchFrom("PurgeRecipientQueue");
            String garbage = withGarbage.add("{not a cloud event", Map.of("type", UserDeleted.TYPE));
            add(withGarbage, EventSources.USERS, erasureOf(bob));
            assertBatchItemFailures(function.invokeJson(withGarbage.toJson()), garbage);
            assertThat(stack.item("RecipientsTable", "id", bob)).as("bob's recipient projection")
                    .containsOnlyKeys("id", "version", "erased", "erasedAt");
        });
    }

    /** The UserDeleted the user service emitted: its version is the one the user's tombstone kept. */
    private UserDeleted erasureOf(String user) {
        return new UserDeleted(new UserId(user),
                Long.parseLong(stack.item("UsersTable", "id", user).get("version").n()));
    }

    // ---- the user pool's trigger --------------------------------------------------------------------------------

    @Test
    @Order(160)
    @DisplayName("PreTokenGenerationFunction: a V2 event answers the API scopes of the user's groups and the verified email")
    void preTokenGeneration() throws Throwable {
        exercise("PreTokenGenerationFunction", function -> {
            JsonNode customer = function.invokeJson(CognitoEvents.preTokenGenerationV2(alice).groups("customers")
                    .email(email(alice), true).toJson())
                    .path("response").path("claimsAndScopeOverrideDetails").path("accessTokenGeneration");
            assertThat(customer.path("scopesToAdd").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("eventsuite/notifications", "eventsuite/orders", "eventsuite/users");
            assertThat(customer.path("claimsToAddOrOverride").path("email_verified").asString()).isEqualTo("true");

            JsonNode stranger = function.invokeJson(CognitoEvents.preTokenGenerationV2("stranger-" + run).toJson())
                    .path("response").path("claimsAndScopeOverrideDetails").path("accessTokenGeneration");
            assertThat(stranger.path("scopesToAdd").isEmpty()).as("a user in no group gets no API scope").isTrue();
        });
    }

    // ---- running a function -------------------------------------------------------------------------------------

    /**
     * Starts the function's environment, runs the steps against it (at least two invocations: cold and warm), and
     * closes it. When a step fails, the function's log is printed before the failure propagates.
     */
    private void exercise(String logicalId, ThrowingConsumer<DeployedFunction> steps) throws Throwable {
        assumeTrue(stack != null && built.artifacts.containsKey(logicalId), "the artifacts were not built");
        DeployedFunction function = start(logicalId);
        try {
            steps.accept(function);
            assertThat(function.invocationCount()).as("invocations of %s (cold and warm)", logicalId)
                    .isGreaterThanOrEqualTo(2);
        } catch (Throwable failure) {
            System.out.println(function.logDump());
            throw failure;
        } finally {
            function.close();
        }
    }

    private DeployedFunction start(String logicalId) {
        SamTemplate.Function function = built.template.function(logicalId);
        if (function.handler() == null) {
            throw new AssertionError(logicalId + " has no Handler");
        }
        // What Lambda puts on the classpath: /var/task, /var/task/lib/*, then each layer's /opt/java/lib/*.
        FunctionSpec spec = new FunctionSpec(logicalId, function.handler(), built.built.classpath(function),
                stack.environmentOf(function), function.memoryMb(), Duration.ofSeconds(function.timeoutSeconds()));
        DeployedFunction deployed = new DeployedFunction(logicalId, spec, stack.emulators.region());
        started.put(logicalId, deployed);
        return deployed;
    }

    // ---- events and answers -------------------------------------------------------------------------------------

    /** Adds the event as the SNS subscription delivers it (raw): the CloudEvent as body, its type as attribute. */
    private String add(SqsEvents batch, String source, DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(new EventId(UUID.randomUUID().toString()), source, Instant.now(),
                event);
        return batch.add(codec.encode(envelope, TransportContext.NONE), Map.of("type", envelope.type()));
    }

    /** The relay's minimum age is 5 s (eventsuite.outbox.relay.min-age); starting its JVM usually takes longer. */
    private void waitUntilOldEnoughToRelay() throws InterruptedException {
        long wait = Duration.between(Instant.now(), leftPendingAt.plusMillis(5_500)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** What the topic received since the last look is exactly one event of this type per subject. */
    private void assertPublished(String topic, String type, String... subjects) {
        List<Published> published = stack.drainTap(topic);
        assertThat(published).as("published to %s", topic)
                .extracting(p -> p.type() + " " + p.subject())
                .containsExactlyInAnyOrderElementsOf(Stream.of(subjects).map(s -> type + " " + s).toList());
    }

    // ---- the report ---------------------------------------------------------------------------------------------

    private String timingTable() {
        StringBuilder table = new StringBuilder("\nInvocations in a fresh JVM under the runtime interface client"
                + " (figures, not asserted; shared and noisy machine):\n");
        table.append(String.format("  %-36s %7s %8s %10s %9s %6s%n", "function", "memory", "timeout", "cold ms",
                "warm ms", "calls"));
        started.values().stream().sorted(Comparator.comparing(f -> FLOW.indexOf(f.logicalId))).forEach(f ->
                table.append(String.format("  %-36s %5dMB %7ds %10s %9s %6d%n", f.logicalId, f.spec.memoryMb(),
                        f.spec.timeout().toSeconds(), millis(f.coldStart()), millis(f.warm()), f.invocationCount())));
        table.append("  cold = from creating the environment to the first answer (JVM start, Spring init, first"
                + " invocation); warm = the second invocation.\n");
        return table.toString();
    }

    private static String millis(Duration duration) {
        return duration == null ? "-" : String.format("%,d", duration.toMillis());
    }
}
