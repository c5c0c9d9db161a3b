package io.eventsuite.notification;

import io.eventsuite.notification.config.NotificationUseCases;
import io.eventsuite.notification.events.NotificationConsumers;
import io.eventsuite.notification.http.NotificationFunctions;
import io.eventsuite.platform.config.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The notification service: one Lambda function per event consumer and per route, all in this application;
 * each Lambda pins its bean with {@code SPRING_CLOUD_FUNCTION_DEFINITION}. Wiring is explicit (no scanning).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, NotificationUseCases.class, NotificationConsumers.class,
        NotificationFunctions.class})
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
