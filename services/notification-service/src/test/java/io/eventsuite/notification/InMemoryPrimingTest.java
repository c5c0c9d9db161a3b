package io.eventsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.InMemoryPrimingRun;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consumer's in-memory SnapStart priming on the service's real adapters and SDK clients, as in Lambda: its
 * priming record (an order placed by the sample recipient) is claimed, stored, sent by email and marked sent, every
 * AWS call answered in memory, and not one request reaches AWS (a counting endpoint stands in for every service).
 * Both email channels: SES (in AWS) and the captured-email queue (the local cloud).
 */
class InMemoryPrimingTest {

    @ParameterizedTest
    @CsvSource({"SENDER_ADDRESS, no-reply@example.com", "CAPTURED_EMAIL_QUEUE_URL, http://127.0.0.1:1/000000000000/emails"})
    void the_consumer_sends_its_notification_in_memory_and_nothing_reaches_aws(String channel, String setting) {
        Map<String, String> environment = new HashMap<>(Map.of("IDEMPOTENCY_TABLE", "idempotency",
                "IDEMPOTENCY_KEY_PREFIX", "sendNotifications", "NOTIFICATIONS_TABLE", "notifications",
                "RECIPIENTS_TABLE", "recipients"));
        environment.put(channel, setting);

        InMemoryPrimingRun run = InMemoryPrimingRun.of(NotificationServiceApplication.class, "sendNotifications",
                environment);

        assertThat(run.answer().path("batchItemFailures").isEmpty()).as(run.answer().toString()).isTrue();
        assertThat(run.requests()).isZero();
    }
}
