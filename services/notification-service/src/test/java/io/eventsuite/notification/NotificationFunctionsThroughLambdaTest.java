package io.eventsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.OutgoingMessage;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import io.eventsuite.platform.testing.SqsEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The notification consumers and route, through the real Lambda entry point with SQS and API Gateway events
 * as AWS sends them. Events are written out literally, as the producers publish them, so the wire contract
 * is what is under test. Each test is its own user.
 */
@DisplayName("notification functions through FunctionInvoker")
class NotificationFunctionsThroughLambdaTest {

    private final NotificationServiceWithFakes.Fakes fakes = NotificationServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(NotificationServiceWithFakes.class);
    private final String user = "user-" + UUID.randomUUID();
    private final String email = "n" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    @Test
    void a_registration_is_welcomed_exactly_once_however_often_it_is_delivered() {
        String eventId = UUID.randomUUID().toString();

        for (int delivery = 0; delivery < 3; delivery++) {
            JsonNode response = consume("sendNotifications", userRegistered(eventId, true, true));
            assertThat(response.path("batchItemFailures").size()).isZero();
        }

        assertThat(sentTo(email)).hasSize(1);
        assertThat(sentTo(email).get(0).subject()).containsIgnoringCase("welcome");
    }

    @Test
    void an_order_placed_is_notified_once_and_listed_for_the_recipient() {
        consume("sendNotifications", userRegistered(UUID.randomUUID().toString(), true, true));
        String orderEvent = UUID.randomUUID().toString();

        consume("sendNotifications", orderPlaced(orderEvent));
        consume("sendNotifications", orderPlaced(orderEvent));

        assertThat(sentTo(email)).hasSize(2);
        assertThat(sentTo(email).get(1).body()).contains("EUR 26.99");
        HttpAnswer listed = lambda.http("listNotifications",
                ApiGatewayV2Events.request("GET", "/notifications", "/notifications").as(user));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items").valueStream().map(n -> n.path("kind").asString()))
                .containsExactly("ORDER_PLACED", "WELCOME");
        HttpAnswer someoneElse = lambda.http("listNotifications",
                ApiGatewayV2Events.request("GET", "/notifications", "/notifications").as("other-" + UUID.randomUUID()));
        assertThat(someoneElse.body().path("items").size()).isZero();
    }

    @Test
    void order_notifications_are_suppressed_when_the_recipient_opted_out() {
        consume("sendNotifications", userRegistered(UUID.randomUUID().toString(), false, true));

        JsonNode response = consume("sendNotifications", orderPlaced(UUID.randomUUID().toString()));

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(sentTo(email)).hasSize(1);
    }

    @Test
    void an_order_event_for_a_recipient_not_yet_known_is_returned_to_the_queue_for_a_retry() {
        JsonNode response = consume("sendNotifications",
                orderPlaced(UUID.randomUUID().toString(), java.time.Instant.now().toString()));

        assertThat(response.path("batchItemFailures").size()).isEqualTo(1);
        assertThat(sentTo(email)).isEmpty();
    }

    @Test
    void an_order_event_whose_recipient_stays_unknown_past_the_grace_period_is_given_up_not_dead_lettered() {
        String anHourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1)).toString();

        JsonNode response = consume("sendNotifications", orderPlaced(UUID.randomUUID().toString(), anHourAgo));

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(sentTo(email)).isEmpty();
    }

    @Test
    void a_user_update_changes_where_the_next_notification_goes() {
        consume("sendNotifications", userRegistered(UUID.randomUUID().toString(), true, true));
        String newEmail = "changed-" + email;

        JsonNode response = consume("projectRecipients", userUpdated(newEmail));
        consume("sendNotifications", orderPlaced(UUID.randomUUID().toString()));

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(fakes.recipients().findById(new UserId(user)).orElseThrow().email())
                .isEqualTo(new Email(newEmail));
        assertThat(sentTo(newEmail)).hasSize(1);
    }

    @Test
    void a_user_deletion_purges_their_notifications_and_projection() {
        consume("sendNotifications", userRegistered(UUID.randomUUID().toString(), true, true));

        JsonNode response = consume("purgeRecipient", userDeleted());

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(fakes.recipients().findById(new UserId(user))).isEmpty();
        HttpAnswer listed = lambda.http("listNotifications",
                ApiGatewayV2Events.request("GET", "/notifications", "/notifications").as(user));
        assertThat(listed.body().path("items").size()).isZero();
    }

    @Test
    void a_consumer_refuses_an_event_type_it_does_not_handle_so_it_reaches_the_dlq() {
        JsonNode response = consume("purgeRecipient", orderPlaced(UUID.randomUUID().toString()));

        assertThat(response.path("batchItemFailures").size()).isEqualTo(1);
    }

    private JsonNode consume(String function, String event) {
        SqsEvents batch = SqsEvents.batchFrom("notification-service-" + function);
        batch.add(event, Map.of("type", typeOf(event)));
        return lambda.invoke(function, batch.toJson());
    }

    private List<OutgoingMessage> sentTo(String address) {
        return fakes.channel().sent().stream()
                .filter(m -> m.to().equals(new Email(address))).toList();
    }

    private static String typeOf(String event) {
        return event.replaceAll("(?s).*\"type\":\"([^\"]+)\".*", "$1");
    }

    private String userRegistered(String eventId, boolean orderUpdates, boolean accountUpdates) {
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/user-service","type":"io.eventsuite.user.registered.v1",\
                "subject":"%s","time":"2026-11-26T19:03:58.390Z","datacontenttype":"application/json",\
                "data":{"userId":"%s","version":1,"displayName":"Alice","email":"%s",\
                "preferences":{"orderUpdates":%s,"accountUpdates":%s}}}"""
                .formatted(eventId, user, user, email, orderUpdates, accountUpdates);
    }

    private String userUpdated(String newEmail) {
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/user-service","type":"io.eventsuite.user.updated.v1",\
                "subject":"%s","time":"2026-11-26T19:05:00Z","datacontenttype":"application/json",\
                "data":{"userId":"%s","version":2,"displayName":"Alice L.","email":"%s",\
                "preferences":{"orderUpdates":true,"accountUpdates":true}}}"""
                .formatted(UUID.randomUUID(), user, user, newEmail);
    }

    private String userDeleted() {
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/user-service","type":"io.eventsuite.user.deleted.v1",\
                "subject":"%s","time":"2026-11-26T19:06:00Z","datacontenttype":"application/json",\
                "data":{"userId":"%s","version":3}}"""
                .formatted(UUID.randomUUID(), user, user);
    }

    private String orderPlaced(String eventId) {
        return orderPlaced(eventId, java.time.Instant.now().toString());
    }

    private String orderPlaced(String eventId, String time) {
        String orderId = "ord-" + eventId.substring(0, 8);
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/order-service","type":"io.eventsuite.order.placed.v1",\
                "subject":"%s","time":"%s","datacontenttype":"application/json",\
                "data":{"orderId":"%s","customerId":"%s","lines":[\
                {"sku":"BOOK-1","quantity":2,"unitPrice":{"minorUnits":1250,"currency":"EUR"}},\
                {"sku":"PEN-7","quantity":1,"unitPrice":{"minorUnits":199,"currency":"EUR"}}],\
                "total":{"minorUnits":2699,"currency":"EUR"}},"correlationid":"corr-abcdef12"}"""
                .formatted(eventId, orderId, time, orderId, user);
    }
}
