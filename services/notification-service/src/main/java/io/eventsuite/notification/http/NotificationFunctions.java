package io.eventsuite.notification.http;

import io.eventsuite.domain.notification.ListingNotifications;
import io.eventsuite.platform.http.HttpFunction;
import io.eventsuite.platform.http.HttpRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One function bean per route; the bean name is the function's SPRING_CLOUD_FUNCTION_DEFINITION. */
@Configuration(proxyBeanMethods = false)
public class NotificationFunctions {

    /** {@code GET /notifications}: the caller's notifications, newest first, a page at a time. */
    @Bean
    HttpFunction listNotifications(HttpRoutes routes, ListingNotifications listing) {
        return routes.route(new ListNotificationsRoute(listing));
    }
}
