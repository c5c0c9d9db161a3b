package io.eventsuite.order.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.eventsuite.domain.order.CancelingOrder;
import io.eventsuite.domain.order.ListingOrders;
import io.eventsuite.domain.order.PlacingOrder;
import io.eventsuite.domain.order.ViewingOrder;
import io.eventsuite.platform.http.HttpRoutes;
import io.eventsuite.platform.http.IdempotencyKeyContract;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** One function bean per route; the bean name is the function's SPRING_CLOUD_FUNCTION_DEFINITION. */
@Configuration(proxyBeanMethods = false)
public class OrderFunctions {

    /** {@code POST /orders}: places an order for the caller. */
    @Bean
    Function<Message<APIGatewayV2HTTPEvent>, APIGatewayV2HTTPResponse> placeOrder(HttpRoutes routes,
            IdempotencyKeyContract idempotency, PlacingOrder placing) {
        return routes.route(idempotency.around(new PlaceOrderRoute(placing)));
    }

    /** {@code GET /orders/{id}}: one of the caller's orders (any, for an admin). */
    @Bean
    Function<Message<APIGatewayV2HTTPEvent>, APIGatewayV2HTTPResponse> getOrder(HttpRoutes routes,
            ViewingOrder viewing) {
        return routes.route(new GetOrderRoute(viewing));
    }

    /** {@code GET /orders}: the caller's orders, newest first, a page at a time. */
    @Bean
    Function<Message<APIGatewayV2HTTPEvent>, APIGatewayV2HTTPResponse> listOrders(HttpRoutes routes,
            ListingOrders listing) {
        return routes.route(new ListOrdersRoute(listing));
    }

    /** {@code POST /orders/{id}/cancel}: cancels a placed order. */
    @Bean
    Function<Message<APIGatewayV2HTTPEvent>, APIGatewayV2HTTPResponse> cancelOrder(HttpRoutes routes,
            IdempotencyKeyContract idempotency, CancelingOrder canceling) {
        return routes.route(idempotency.around(new CancelOrderRoute(canceling)));
    }
}
