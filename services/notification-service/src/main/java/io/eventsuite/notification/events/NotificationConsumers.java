package io.eventsuite.notification.events;

import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.notification.Notifying;
import io.eventsuite.domain.notification.ProjectingRecipients;
import io.eventsuite.domain.notification.PurgingRecipient;
import io.eventsuite.platform.sqs.Handling;
import io.eventsuite.platform.sqs.SqsBatchConsumers;
import io.eventsuite.platform.sqs.SqsConsumerFunction;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One function bean per event consumer (each behind its own SQS queue and filter policy). */
@Configuration(proxyBeanMethods = false)
public class NotificationConsumers {

    /** UserRegistered, OrderPlaced, OrderCancelled: exactly one notification per event, as the recipient prefers. */
    @Bean
    SqsConsumerFunction sendNotifications(SqsBatchConsumers consumers, Notifying notifying,
            Clock clock) {
        return consumers.consumer("sendNotifications",
                Set.of(UserRegistered.TYPE, OrderPlaced.TYPE, OrderCancelled.TYPE),
                event -> NotifyOutcomes.toHandling(notifying.on(event), event.time(), clock));
    }

    /** UserUpdated: keeps the recipient projection (address, name, preferences) current. */
    @Bean
    SqsConsumerFunction projectRecipients(SqsBatchConsumers consumers,
            ProjectingRecipients projecting) {
        return consumers.consumer("projectRecipients", Set.of(UserUpdated.TYPE), event -> Handling.done(
                projecting.on((UserUpdated) event.data())
                        ? "projection updated" : "not newer than the projection or its erasure"));
    }

    /** UserDeleted: leaves a tombstone of the recipient and erases their notifications. */
    @Bean
    SqsConsumerFunction purgeRecipient(SqsBatchConsumers consumers, PurgingRecipient purging) {
        return consumers.consumer("purgeRecipient", Set.of(UserDeleted.TYPE),
                event -> Handling.done("purged " + purging.on((UserDeleted) event.data()) + " notification(s)"));
    }
}
