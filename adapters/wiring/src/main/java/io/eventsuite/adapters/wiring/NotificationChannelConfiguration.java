package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.messaging.email.SesNotificationChannel;
import io.eventsuite.adapters.messaging.email.SqsCapturingNotificationChannel;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.domain.notification.NotificationChannel;
import io.eventsuite.platform.json.StrictJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where notifications go: email through SES from {@code SENDER_ADDRESS} in AWS; or, when
 * {@code CAPTURED_EMAIL_QUEUE_URL} is set (the local cloud), into that SQS queue, where a developer reads
 * what would have been sent.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationChannelConfiguration {

    @Bean
    NotificationChannel notificationChannel(@Value("${CAPTURED_EMAIL_QUEUE_URL:}") String capturedEmailQueueUrl,
            @Value("${SENDER_ADDRESS:}") String senderAddress, ObjectProvider<SesV2Client> ses,
            ObjectProvider<SqsClient> sqs, StrictJson json, PublishingResilienceConfig config, MeterRegistry meters,
            Clock clock) {
        if (!capturedEmailQueueUrl.isBlank()) {
            return new SqsCapturingNotificationChannel(sqs.getObject(), capturedEmailQueueUrl, json.mapper(),
                    PublishingResilience.create("captured-email", config, meters, clock));
        }
        if (senderAddress.isBlank()) {
            throw new IllegalStateException("set SENDER_ADDRESS (SES) or CAPTURED_EMAIL_QUEUE_URL (local cloud)");
        }
        return new SesNotificationChannel(ses.getObject(), senderAddress,
                PublishingResilience.create("ses-send", config, meters, clock));
    }
}
