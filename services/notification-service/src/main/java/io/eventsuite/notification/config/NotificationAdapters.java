package io.eventsuite.notification.config;

import io.eventsuite.adapters.dynamodb.PrimingMappings;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.NotificationTemplates;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RenderedMessage;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.user.NotificationPreferences;
import java.time.Instant;
import java.util.List;
import io.eventsuite.adapters.dynamodb.DynamoDbNotifications;
import io.eventsuite.adapters.dynamodb.DynamoDbRecipients;
import io.eventsuite.adapters.dynamodb.GsiPropagation;
import io.eventsuite.adapters.dynamodb.PrimingWrites;
import io.eventsuite.adapters.wiring.AwsClientsConfiguration;
import io.eventsuite.adapters.wiring.IdempotencyStoreConfiguration;
import io.eventsuite.adapters.wiring.NotificationChannelConfiguration;
import io.eventsuite.adapters.wiring.PageCursorKey;
import io.eventsuite.adapters.wiring.priming.PrimingItem;
import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Notifications;
import io.eventsuite.domain.notification.Recipients;
import io.eventsuite.platform.snapstart.PrimingRead;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The notification service's adapters: the notifications and recipients tables, and the email channel. */
@Configuration(proxyBeanMethods = false)
@Import({AwsClientsConfiguration.class, NotificationChannelConfiguration.class, IdempotencyStoreConfiguration.class})
public class NotificationAdapters {

    @Bean
    Notifications notifications(DynamoDbClient dynamo, @Value("${NOTIFICATIONS_TABLE}") String table,
            @Value("${CURSOR_SIGNING_KEY:}") String cursorKey) {
        // Only ListNotifications is given the key (it alone pages); the others never ask for it.
        return new DynamoDbNotifications(dynamo, table, () -> PageCursorKey.fromBase64(cursorKey).bytes());
    }

    @Bean
    Recipients recipients(DynamoDbClient dynamo, @Value("${RECIPIENTS_TABLE}") String table, Clock clock) {
        return new DynamoDbRecipients(dynamo, table, clock);
    }

    /** How long the by-recipient index may trail the table: the purge deletes through it again after that. */
    @Bean
    IndexLag indexLag() {
        return new GsiPropagation(GsiPropagation.DEFAULT);
    }

    /**
     * For the SnapStart snapshot: a notification's success path in memory, which the priming event (refused before its
     * claim) never reaches: a sample recipient's and notification's mapping to their items and back, and the message an
     * order gives rendered for them. Nothing is read, written or sent.
     */
    @Bean
    PrimingRead primeNotificationMappings() {
        return () -> {
            Recipient recipient = NotificationPriming.SAMPLE_RECIPIENT;
            OrderPlaced placed = new OrderPlaced(new OrderId("snapstart-priming"), recipient.id(),
                    List.of(new OrderLine("SNAPSTART-PRIMING", 1, new Money(1, "EUR"))), new Money(1, "EUR"));
            RenderedMessage message = new NotificationTemplates().render(placed, recipient).orElseThrow();
            PrimingMappings.recipient(recipient);
            PrimingMappings.notification(Notification.pending(new EventId("snapstart-priming"), recipient.id(),
                    message, Instant.EPOCH));
        };
    }

    /** For the SnapStart snapshot's in-memory priming: the sample recipient, as a GetItem answered in memory finds it. */
    @Bean
    PrimingItem sampleRecipientItem(@Value("${RECIPIENTS_TABLE:}") String table) {
        return new PrimingItem(table, PrimingMappings.recipientItem(NotificationPriming.SAMPLE_RECIPIENT));
    }

    /** For the SnapStart snapshot: a read of an id that cannot exist warms the SDK client and the mapping. */
    @Bean
    PrimingRead primeDynamoDbRead(ObjectProvider<Recipients> recipients) {
        return () -> recipients.getObject().findById(new UserId("snapstart-priming"));
    }

    /**
     * For the SnapStart snapshot of a consumer (one given IDEMPOTENCY_TABLE): writes DynamoDB refuses on their
     * condition, on the idempotency table (under this function's key prefix, as IAM allows) and the notifications
     * table: the claim's and the notification's write paths are warm and nothing is written.
     */
    @Bean
    PrimingRead primeWrites(ObjectProvider<DynamoDbClient> dynamo, @Value("${IDEMPOTENCY_TABLE:}") String idempotency,
            @Value("${IDEMPOTENCY_KEY_PREFIX:}") String prefix, @Value("${NOTIFICATIONS_TABLE:}") String notifications) {
        return () -> {
            if (idempotency.isBlank()) {
                return;
            }
            PrimingWrites.refusedWrites(dynamo.getObject(), idempotency, "key", prefix + "#snapstart-priming");
            if (!notifications.isBlank()) {
                PrimingWrites.refusedWrites(dynamo.getObject(), notifications, "id", "snapstart-priming");
            }
        };
    }
}
