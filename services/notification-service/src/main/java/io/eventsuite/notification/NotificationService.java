package io.eventsuite.notification;

import io.eventsuite.notification.config.NotificationPriming;
import io.eventsuite.notification.config.NotificationUseCases;
import io.eventsuite.notification.events.NotificationConsumers;
import io.eventsuite.notification.http.NotificationFunctions;
import io.eventsuite.platform.config.IdempotencyConfiguration;
import io.eventsuite.platform.config.PlatformConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The service without its adapters: functions, use cases and the shared layer. Tests put fakes beside it. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformConfiguration.class, IdempotencyConfiguration.class, NotificationUseCases.class, NotificationConsumers.class,
        NotificationFunctions.class, NotificationPriming.class})
public class NotificationService {
}
