package io.eventsuite.notification;

import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.notification.NotificationChannel;
import io.eventsuite.domain.notification.Notifications;
import io.eventsuite.domain.notification.Recipients;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.testing.CapturingNotificationChannel;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryNotifications;
import io.eventsuite.domain.testing.InMemoryRecipients;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The notification service as deployed, with in-memory fakes in place of its DynamoDB tables and the SES
 * channel, shared by every function's context (one per function, as in Lambda).
 */
@SpringBootConfiguration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
@Import(NotificationService.class)
public class NotificationServiceWithFakes {

    public static final InMemoryNotifications NOTIFICATIONS = new InMemoryNotifications();
    public static final InMemoryRecipients RECIPIENTS = new InMemoryRecipients();
    public static final CapturingNotificationChannel CHANNEL = new CapturingNotificationChannel();
    public static final InMemoryIdempotencyStore PROCESSED = new InMemoryIdempotencyStore();

    @Bean
    IdempotencyStore idempotencyStore() {
        return PROCESSED;
    }

    @Bean
    Notifications notifications() {
        return NOTIFICATIONS;
    }

    @Bean
    Recipients recipients() {
        return RECIPIENTS;
    }

    @Bean
    IndexLag indexLag() {
        return NOTIFICATIONS.index().settling();
    }

    @Bean
    NotificationChannel notificationChannel() {
        return CHANNEL;
    }
}
