package io.eventsuite.adapters.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.testing.LocalAws;
import io.eventsuite.adapters.messaging.testing.TestEvents;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.notification.OutgoingMessage;
import io.eventsuite.localcloud.LocalEmulators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@DisplayName("Captured outbox: notifications as JSON on an SQS queue (ElasticMQ)")
class SqsCapturingNotificationChannelTest {

    private static final OutgoingMessage WELCOME = new OutgoingMessage(new Email("alice@example.com"),
            "Welcome, Alice", "Thanks for registering.\nÀ bientôt!", new NotificationId("ntf-e-welcome"));

    private final LocalAws aws = LocalAws.get();
    private SqsClient sqs;
    private PublishingResilience resilience;

    @BeforeEach
    void setUp() {
        sqs = LambdaSdkClients.configure(SqsClient.builder(), PublishingResilienceConfig.DEFAULTS, o -> { })
                .endpointOverride(aws.sqsEndpoint())
                .region(Region.of(LocalAws.REGION))
                .credentialsProvider(LocalEmulators.CREDENTIALS)
                .build();
        resilience = PublishingResilience.create("captured-outbox", PublishingResilienceConfig.DEFAULTS,
                new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sqs.close();
    }

    @Test
    void a_sent_message_can_be_read_back_from_the_queue_as_json_with_its_notification_id() {
        String queue = aws.createQueue(LocalAws.uniqueName("captured"));
        SqsCapturingNotificationChannel channel = new SqsCapturingNotificationChannel(sqs, queue, TestEvents.JSON,
                resilience);

        channel.send(WELCOME);

        List<Message> captured = aws.drain(queue);
        assertThat(captured).hasSize(1);
        assertThat(TestEvents.JSON.readValue(captured.getFirst().body(), CapturedEmail.class)).isEqualTo(
                new CapturedEmail("ntf-e-welcome", "alice@example.com", "Welcome, Alice",
                        "Thanks for registering.\nÀ bientôt!"));
        assertThat(captured.getFirst().messageAttributes().get("notificationId").stringValue())
                .isEqualTo("ntf-e-welcome");
    }

    @Test
    void on_a_fifo_queue_a_notification_sent_twice_is_captured_once() {
        String queue = aws.createFifoQueue(LocalAws.uniqueName("captured"));
        SqsCapturingNotificationChannel channel = new SqsCapturingNotificationChannel(sqs, queue, TestEvents.JSON,
                resilience);

        channel.send(WELCOME);
        channel.send(WELCOME);

        assertThat(aws.drain(queue)).hasSize(1);
    }

    @Test
    void a_queue_that_does_not_exist_makes_send_throw_so_the_event_is_retried() {
        String missing = aws.sqsEndpoint() + "/000000000000/" + LocalAws.uniqueName("missing");
        SqsCapturingNotificationChannel channel = new SqsCapturingNotificationChannel(sqs, missing, TestEvents.JSON,
                resilience);

        assertThatThrownBy(() -> channel.send(WELCOME))
                .isInstanceOf(NotificationNotSent.class)
                .hasMessageContaining("ntf-e-welcome")
                .hasMessageNotContaining("alice@example.com");
    }
}
