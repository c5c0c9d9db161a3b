package io.eventsuite.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.localcloud.runtime.sqs.SqsEventSourceMapping;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Producer to consumer over the wire: a user event published with the production publisher goes through the
 * SNS stand-in (raw delivery, filter policy on {@code type}) into ElasticMQ, the event source mapping hands
 * the batch to the deployed {@code sendNotifications} function, which writes DynamoDB (dynalite) and sends
 * through the captured-email channel; processed messages are deleted, failed ones stay.
 */
@DisplayName("notifications over the wire")
class NotificationsOverTheWireTest {

    private final LocalAws aws = LocalAws.get();
    private final UserEvents users = new UserEvents(aws);
    private final SqsEventSourceMapping sendNotifications =
            Functions.mapping(aws, aws.sendNotifications, Functions.NOTIFICATIONS, "sendNotifications");

    @Test
    void a_registration_delivered_three_times_sends_exactly_one_welcome() {
        String user = "u-" + UUID.randomUUID();
        String email = user + "@example.com";

        EventEnvelope registered = users.registered(user, email);
        users.republish(registered);
        users.republish(registered);
        Functions.pollUntil(sendNotifications, () -> aws.depth(aws.sendNotifications.url()) == 0
                && !CapturedEmails.to(aws, email).isEmpty(), Duration.ofSeconds(30));
        sendNotifications.pollOnce(1);

        assertThat(CapturedEmails.to(aws, email)).hasSize(1);
        assertThat(CapturedEmails.to(aws, email).get(0).path("subject").asString()).containsIgnoringCase("welcome");
        assertThat(DeadLetters.of(aws, aws.sendNotifications)).noneMatch(body -> body.contains(user));
    }

    @Test
    void an_event_of_a_type_the_subscription_filters_out_never_reaches_the_queue() {
        String user = "u-" + UUID.randomUUID();

        users.deleted(user);

        assertThat(aws.depth(aws.sendNotifications.url())).isZero();
    }

    @Test
    void a_poison_message_is_retried_then_lands_in_the_dlq_and_the_rest_is_processed() {
        String user = "u-" + UUID.randomUUID();
        String email = user + "@example.com";
        String poison = "{\"not\":\"a cloudevent\",\"marker\":\"" + user + "\"}";
        aws.sqs.sendMessage(r -> r.queueUrl(aws.sendNotifications.url()).messageBody(poison));
        users.registered(user, email);

        Functions.pollUntil(sendNotifications, () -> DeadLetters.of(aws, aws.sendNotifications).contains(poison),
                Duration.ofSeconds(60));

        assertThat(DeadLetters.of(aws, aws.sendNotifications)).containsOnlyOnce(poison);
        assertThat(CapturedEmails.to(aws, email)).hasSize(1);
    }
}
