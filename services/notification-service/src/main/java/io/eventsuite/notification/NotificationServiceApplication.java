package io.eventsuite.notification;

import io.eventsuite.notification.config.NotificationAdapters;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The notification service as deployed: one Lambda function per event consumer and per route, all in this
 * application; each Lambda pins its bean with {@code SPRING_CLOUD_FUNCTION_DEFINITION}. Wiring is explicit.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({NotificationService.class, NotificationAdapters.class})
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
