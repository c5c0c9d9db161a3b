package io.eventsuite.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.adapters.dynamodb.DynamoDbPendingEvents;
import io.eventsuite.order.OrderServiceApplication;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.messaging.outbox.RelayPolicy;
import io.eventsuite.adapters.messaging.outbox.RelayReport;
import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No event is lost when SNS fails: the order is written with its event in one item, the request succeeds,
 * the event stays pending, and the scheduled relay publishes it once SNS is back (and only then clears it). The relay
 * leaves events younger than its minimum age alone, fails its invocation (for the alarm) while any event could not
 * be published, and parks an event SNS keeps refusing as the sender's fault.
 */
@DisplayName("the outbox over the wire")
// The outage tests run first on purpose: each test has its own function contexts, so the breakers they open must
// not reach the test that expects a closed one.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxOverTheWireTest {

    private final LocalAws aws = LocalAws.get();
    /** Each test its own function contexts, so its own circuit breakers: an outage in one never reaches another. */
    private final LambdaEntryPoint orders = LambdaEntryPoint.isolated(OrderServiceApplication.class);
    private final DynamoDbPendingEvents pending = new DynamoDbPendingEvents(aws.dynamo, aws.ordersTable);

    @AfterEach
    void snsRecovers() {
        aws.emulators.sns().healthy();
    }

    @Test
    @Order(0)
    void sns_down_during_place_order_leaves_the_order_saved_and_its_event_pending_until_the_relay_publishes_it() {
        aws.drain(aws.orderEventsTap.url());
        aws.emulators.sns().failAllPublishes();
        String customer = "c-" + UUID.randomUUID();

        HttpAnswer placed = orders.http("placeOrder", ApiGatewayV2Events.request("POST", "/orders", "/orders")
                .as(customer).jsonBody("""
                        {"lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":{"minorUnits":1250,"currency":"EUR"}}]}"""));
        String orderId = placed.body().path("id").asString();

        assertThat(placed.status()).isEqualTo(201);
        assertThat(orders.http("getOrder", ApiGatewayV2Events.request("GET", "/orders/{id}", "/orders/" + orderId)
                .pathParameter("id", orderId).as(customer)).status()).isEqualTo(200);
        assertThat(pendingFor(orderId)).hasSize(1);
        assertThat(aws.drain(aws.orderEventsTap.url())).isEmpty();

        waitPastMinAge();
        assertThatThrownBy(() -> orders.invoke("relayPendingEvents", scheduledEvent()))
                .as("a run that could not publish fails, so Lambda's Errors alarm fires")
                .hasMessageContaining("could not publish every pending event");
        assertThat(pendingFor(orderId)).hasSize(1);

        aws.emulators.sns().healthy();
        JsonNode relayed = orders.invoke("relayPendingEvents", scheduledEvent());

        List<Message> delivered = aws.drain(aws.orderEventsTap.url());
        assertThat(relayed.path("published").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(delivered).singleElement().satisfies(message -> {
            assertThat(message.body()).contains("\"type\":\"io.eventsuite.order.placed.v1\"", orderId);
            assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo("io.eventsuite.order.placed.v1");
        });
        assertThat(pendingFor(orderId)).isEmpty();

        orders.invoke("relayPendingEvents", scheduledEvent());
        assertThat(aws.drain(aws.orderEventsTap.url())).as("nothing is published twice once cleared").isEmpty();
    }

    /**
     * An outage long enough to open the function's circuit breaker (5 failed calls of 10 decide it): every order is
     * still saved with its event pending, and once SNS is back the relay publishes each exactly once.
     */
    @Test
    @Order(1)
    void a_long_outage_opens_the_breaker_and_every_order_waits_in_the_outbox_for_the_relay() {
        aws.drain(aws.orderEventsTap.url());
        aws.emulators.sns().failAllPublishes();
        String customer = "c-" + UUID.randomUUID();

        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpAnswer placed = placeOrder(customer, ApiGatewayV2Events.request("POST", "/orders", "/orders"));
            assertThat(placed.status()).isEqualTo(201);
            orderIds.add(placed.body().path("id").asString());
        }
        orderIds.forEach(id -> assertThat(pendingFor(id)).as(id).hasSize(1));

        aws.emulators.sns().healthy();
        waitPastMinAge();
        orders.invoke("relayPendingEvents", scheduledEvent());

        List<String> delivered = aws.drain(aws.orderEventsTap.url()).stream().map(Message::body).toList();
        for (String id : orderIds) {
            assertThat(delivered).as(id).filteredOn(body -> body.contains(id)).hasSize(1);
            assertThat(pendingFor(id)).as(id).isEmpty();
        }
    }

    /**
     * With SNS up and this test's own circuit breaker closed (whatever an earlier test's outage did to its own),
     * the request publishes its event itself: at once, exactly once, with the request's trace, nothing left for
     * the relay.
     */
    @Test
    @Order(2)
    void an_event_reaches_the_topic_at_once_and_exactly_once_carrying_the_requests_trace() {
        aws.drain(aws.orderEventsTap.url());
        String customer = "c-" + UUID.randomUUID();

        HttpAnswer placed = placeOrder(customer, ApiGatewayV2Events.request("POST", "/orders", "/orders")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        String orderId = placed.body().path("id").asString();

        List<Message> delivered = aws.drain(aws.orderEventsTap.url());
        assertThat(delivered).as("published by the request, before any relay run").singleElement().satisfies(message -> {
            assertThat(message.body()).contains(orderId, "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-");
            assertThat(message.messageAttributes().get("traceparent").stringValue())
                    .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        });
        assertThat(pendingFor(orderId)).isEmpty();
        orders.invoke("relayPendingEvents", scheduledEvent());
        assertThat(aws.drain(aws.orderEventsTap.url())).as("the relay does not publish it again")
                .noneMatch(message -> message.body().contains(orderId));
    }

    private HttpAnswer placeOrder(String customer, ApiGatewayV2Events request) {
        return orders.http("placeOrder", request.as(customer).jsonBody("""
                {"lines":[{"sku":"PEN-7","quantity":3,"unitPrice":{"minorUnits":199,"currency":"EUR"}}]}"""));
    }

    /**
     * Parking, over the wire: the relay as the function wires it (SDK clients against dynalite and the SNS stand-in),
     * with its own breaker, so this test neither sees nor leaves the relay function's breaker state.
     */
    @Test
    void an_event_sns_keeps_refusing_is_parked_in_its_item_counted_and_keeps_the_relay_in_trouble() {
        String orderId = "o-poison-" + UUID.randomUUID();
        // a pending event SNS refuses as the sender's fault (an empty message), in an item as the outbox writes it
        aws.dynamo.putItem(b -> b.tableName(aws.ordersTable).item(Map.of(
                "id", AttributeValue.fromS(orderId),
                "outboxState", AttributeValue.fromS("PENDING"),
                "pendingSince", AttributeValue.fromS("2026-01-01T00:00:00.000000000Z"),
                "pendingEvents", AttributeValue.fromM(Map.of("e-poison", AttributeValue.fromM(Map.of(
                        "type", AttributeValue.fromS("io.eventsuite.order.placed.v1"),
                        "cloudEvent", AttributeValue.fromS(""),
                        "seq", AttributeValue.fromN("1000")))))))); // written in 1970: old enough
        PublishingResilience resilience = PublishingResilience.create("sns-poison-test",
                PublishingResilienceConfig.DEFAULTS, new SimpleMeterRegistry(), Clock.systemUTC());
        try (SnsClient sns = LambdaSdkClients.sns(PublishingResilienceConfig.DEFAULTS)) {
            JsonMapper json = StrictJson.create().mapper();
            OutboxRelay relay = new OutboxRelay(pending, new SnsEventPublisher(sns, aws.orderTopicArn,
                    new CloudEventCodec(json), json, resilience), new SimpleMeterRegistry(),
                    new RelayPolicy(Duration.ofSeconds(1), 2));

            RelayReport first = relay.relay(100);
            RelayReport second = relay.relay(100);
            RelayReport third = relay.relay(100);

            assertThat(first.failed()).isEqualTo(1);
            assertThat(first.parkedNow()).isZero();
            assertThat(first.inTrouble()).isTrue();
            assertThat(second.parkedNow()).isEqualTo(1);
            assertThat(third.parked()).isEqualTo(1);
            assertThat(third.inTrouble()).as("parked events keep the alarm on until redriven").isTrue();
            Map<String, AttributeValue> item = aws.dynamo.getItem(b -> b.tableName(aws.ordersTable)
                    .key(Map.of("id", AttributeValue.fromS(orderId)))).item();
            assertThat(item.get("outboxState").s()).isEqualTo("PARKED");
            assertThat(item.get("parkedEvents").m()).containsKey("e-poison");
            assertThat(item.get("pendingEvents").m()).isEmpty();
            assertThat(pendingFor(orderId)).isEmpty();
            assertThat(aws.drain(aws.orderEventsTap.url())).isEmpty();
        } finally {
            aws.dynamo.deleteItem(b -> b.tableName(aws.ordersTable).key(Map.of("id", AttributeValue.fromS(orderId))));
        }
    }

    private static void waitPastMinAge() {
        try {
            Thread.sleep(LocalAws.OUTBOX_MIN_AGE.toMillis() + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private List<PendingBatch> pendingFor(String orderId) {
        return pending.oldest(100).stream().filter(b -> b.aggregateId().equals(orderId)).toList();
    }

    /** What EventBridge Scheduler sends to the relay every minute. */
    private static String scheduledEvent() {
        return """
                {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",\
                "source":"aws.events","account":"123456789012","time":"2026-11-26T19:00:00Z","region":"eu-west-1",\
                "resources":["arn:aws:events:eu-west-1:123456789012:rule/relay"],"detail":{}}""";
    }
}
