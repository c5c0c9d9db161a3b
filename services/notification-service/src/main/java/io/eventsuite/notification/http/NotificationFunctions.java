package io.eventsuite.notification.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.eventsuite.domain.notification.ListingNotifications;
import io.eventsuite.platform.http.HttpRoutes;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** One function bean per route; the bean name is the function's SPRING_CLOUD_FUNCTION_DEFINITION. */
@Configuration(proxyBeanMethods = false)
public class NotificationFunctions {

    /** {@code GET /notifications}: the caller's notifications, newest first, a page at a time. */
    @Bean
    Function<Message<APIGatewayV2HTTPEvent>, APIGatewayV2HTTPResponse> listNotifications(HttpRoutes routes,
            ListingNotifications listing) {
        return routes.route(new ListNotificationsRoute(listing));
    }
}
