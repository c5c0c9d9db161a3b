package io.eventsuite.notification.config;

import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.notification.ListingNotifications;
import io.eventsuite.domain.notification.NotificationChannel;
import io.eventsuite.domain.notification.NotificationTemplates;
import io.eventsuite.domain.notification.Notifications;
import io.eventsuite.domain.notification.Notifying;
import io.eventsuite.domain.notification.ProjectingRecipients;
import io.eventsuite.domain.notification.PurgingRecipient;
import io.eventsuite.domain.notification.Recipients;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification use cases, wired to the adapters the context provides for {@link Notifications},
 * {@link Recipients} and the {@link NotificationChannel}.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationUseCases {

    @Bean
    Notifying notifying(Notifications notifications, Recipients recipients, NotificationChannel channel, Clock clock) {
        return new Notifying(notifications, recipients, channel, new NotificationTemplates(), clock);
    }

    @Bean
    ProjectingRecipients projectingRecipients(Recipients recipients) {
        return new ProjectingRecipients(recipients);
    }

    @Bean
    PurgingRecipient purgingRecipient(Notifications notifications, Recipients recipients, IndexLag indexLag) {
        return new PurgingRecipient(notifications, recipients, indexLag);
    }

    @Bean
    ListingNotifications listingNotifications(Notifications notifications) {
        return new ListingNotifications(notifications);
    }
}
