package io.eventsuite.adapters.messaging.email;

import io.eventsuite.adapters.messaging.resilience.DeadlineReached;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.domain.notification.NotificationChannel;
import io.eventsuite.domain.notification.OutgoingMessage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification channel <strong>of the local cloud</strong> (and of tests): instead of emailing anyone, puts each
 * message as JSON ({@link CapturedEmail}) on an SQS queue, the "captured outbox", where users read what would have
 * been sent. Each message carries the {@value #NOTIFICATION_ID_ATTRIBUTE} message attribute; on a FIFO queue the
 * notification id is also the deduplication id, so a redelivered event captures one message.
 *
 * <p>Not for production: real users get email through {@link SesNotificationChannel}. Same resilience as the other
 * adapters; throws {@link NotificationNotSent} when the queue did not take the message, so the event is retried.
 */
public final class SqsCapturingNotificationChannel implements NotificationChannel {

    public static final String NOTIFICATION_ID_ATTRIBUTE = "notificationId";

    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean fifo;
    private final JsonMapper json;
    private final PublishingResilience resilience;

    public SqsCapturingNotificationChannel(SqsClient sqs, String queueUrl, JsonMapper json,
                                           PublishingResilience resilience) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.fifo = queueUrl.endsWith(".fifo");
        this.json = Objects.requireNonNull(json, "json");
        this.resilience = Objects.requireNonNull(resilience, "resilience");
    }

    @Override
    public void send(OutgoingMessage message) {
        Objects.requireNonNull(message, "message");
        String body = json.writeValueAsString(CapturedEmail.of(message));
        String id = message.id().value();
        try {
            resilience.call(budget -> sqs.sendMessage(SendMessageRequest.builder()
                    .queueUrl(queueUrl)
                    .messageBody(body)
                    .messageAttributes(Map.of(NOTIFICATION_ID_ATTRIBUTE, MessageAttributeValue.builder()
                            .dataType("String").stringValue(id).build()))
                    .applyMutation(b -> {
                        if (fifo) {
                            b.messageGroupId(id).messageDeduplicationId(id);
                        }
                    })
                    .overrideConfiguration(o -> o.apiCallTimeout(budget))
                    .build()));
        } catch (SdkException | CallNotPermittedException | DeadlineReached failure) {
            throw new NotificationNotSent(message.id(), "the capture queue", SesNotificationChannel.reason(failure));
        }
    }
}
