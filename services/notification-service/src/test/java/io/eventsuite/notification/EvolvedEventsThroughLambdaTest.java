package io.eventsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.OutgoingMessage;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import io.eventsuite.platform.testing.SqsEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Schema evolution: today's consumers, through the real Lambda entry point, read events from a newer producer that
 * added an optional data field (at the top and nested) and an extension attribute they do not know. Such a
 * backward-compatible change must not send events to the DLQ of consumers that were not redeployed; a required
 * field missing or of the wrong type still does.
 */
@DisplayName("today's notification consumers read events of a newer producer")
class EvolvedEventsThroughLambdaTest {

    private static final String EXTENSION = "\"partitionkey\":\"p-1\",\"sequence\":\"000042\",\"subject\"";

    private final NotificationServiceWithFakes.Fakes fakes = NotificationServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(NotificationServiceWithFakes.class);
    private final String user = "user-" + UUID.randomUUID();
    private final String email = "e" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    @Test
    void a_registration_with_an_added_field_and_an_unknown_extension_is_welcomed() {
        String evolved = userRegistered()
                .replace("\"subject\"", EXTENSION)
                .replace("\"displayName\"", "\"locale\":\"de-AT\",\"displayName\"")
                .replace("\"accountUpdates\":true}", "\"accountUpdates\":true,\"smsUpdates\":false}");

        JsonNode response = consume("sendNotifications", evolved);

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(sentTo(email)).hasSize(1);
    }

    @Test
    void an_order_placed_with_added_fields_is_notified() {
        consume("sendNotifications", userRegistered());
        String evolved = orderPlaced()
                .replace("\"subject\"", EXTENSION)
                .replace("\"lines\"", "\"channel\":\"mobile-app\",\"lines\"")
                .replace("\"quantity\":2,", "\"quantity\":2,\"giftWrap\":true,");

        JsonNode response = consume("sendNotifications", evolved);

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(sentTo(email)).hasSize(2);
    }

    @Test
    void a_user_update_with_an_added_field_is_projected() {
        consume("sendNotifications", userRegistered());
        String evolved = userUpdated("new-" + email)
                .replace("\"subject\"", EXTENSION)
                .replace("\"version\":2,", "\"version\":2,\"phone\":\"+43 1 234\",");

        JsonNode response = consume("projectRecipients", evolved);

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(fakes.recipients().findById(new UserId(user)).orElseThrow().email())
                .isEqualTo(new Email("new-" + email));
    }

    @Test
    void an_evolved_event_missing_a_required_field_or_with_one_of_the_wrong_type_still_goes_to_the_dlq() {
        String missingEmail = userUpdated("new-" + email).replace("\"subject\"", EXTENSION)
                .replace("\"email\":\"new-" + email + "\",", "\"locale\":\"de-AT\",");
        String versionAsText = userUpdated("new-" + email).replace("\"subject\"", EXTENSION)
                .replace("\"version\":2,", "\"version\":\"two\",\"locale\":\"de-AT\",");

        assertThat(consume("projectRecipients", missingEmail).path("batchItemFailures").size()).isEqualTo(1);
        assertThat(consume("projectRecipients", versionAsText).path("batchItemFailures").size()).isEqualTo(1);
        assertThat(fakes.recipients().findById(new UserId(user))).isEmpty();
    }

    private JsonNode consume(String function, String event) {
        SqsEvents batch = SqsEvents.batchFrom("notification-service-" + function);
        batch.add(event, Map.of("type", event.replaceAll("(?s).*\"type\":\"([^\"]+)\".*", "$1")));
        return lambda.invoke(function, batch.toJson());
    }

    private List<OutgoingMessage> sentTo(String address) {
        return fakes.channel().sent().stream()
                .filter(m -> m.to().equals(new Email(address))).toList();
    }

    private String userRegistered() {
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/user-service","type":"io.eventsuite.user.registered.v1",\
                "subject":"%s","time":"2026-11-26T19:03:58.390Z","datacontenttype":"application/json",\
                "data":{"userId":"%s","version":1,"displayName":"Alice","email":"%s",\
                "preferences":{"orderUpdates":true,"accountUpdates":true}}}"""
                .formatted(UUID.randomUUID(), user, user, email);
    }

    private String userUpdated(String newEmail) {
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/user-service","type":"io.eventsuite.user.updated.v1",\
                "subject":"%s","time":"2026-11-26T19:05:00Z","datacontenttype":"application/json",\
                "data":{"userId":"%s","version":2,"displayName":"Alice L.","email":"%s",\
                "preferences":{"orderUpdates":true,"accountUpdates":true}}}"""
                .formatted(UUID.randomUUID(), user, user, newEmail);
    }

    private String orderPlaced() {
        String eventId = UUID.randomUUID().toString();
        String orderId = "ord-" + eventId.substring(0, 8);
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/order-service","type":"io.eventsuite.order.placed.v1",\
                "subject":"%s","time":"%s","datacontenttype":"application/json",\
                "data":{"orderId":"%s","customerId":"%s","lines":[\
                {"sku":"BOOK-1","quantity":2,"unitPrice":{"minorUnits":1250,"currency":"EUR"}}],\
                "total":{"minorUnits":2500,"currency":"EUR"}}}"""
                .formatted(eventId, orderId, java.time.Instant.now(), orderId, user);
    }
}
