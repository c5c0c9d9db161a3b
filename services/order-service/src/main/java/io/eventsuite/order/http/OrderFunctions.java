package io.eventsuite.order.http;

import io.eventsuite.domain.order.CancelingOrder;
import io.eventsuite.domain.order.ListingOrders;
import io.eventsuite.domain.order.PlacingOrder;
import io.eventsuite.domain.order.ViewingOrder;
import io.eventsuite.platform.http.HttpFunction;
import io.eventsuite.platform.http.HttpRoutes;
import io.eventsuite.order.config.OrderPriming;
import io.eventsuite.platform.http.IdempotencyKeyContract;
import io.eventsuite.platform.snapstart.PrimingRead;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One function bean per route; the bean name is the function's SPRING_CLOUD_FUNCTION_DEFINITION. */
@Configuration(proxyBeanMethods = false)
public class OrderFunctions {

    /** {@code POST /orders}: places an order for the caller. */
    @Bean
    HttpFunction placeOrder(HttpRoutes routes, IdempotencyKeyContract idempotency, PlacingOrder placing) {
        return routes.route(idempotency.around(new PlaceOrderRoute(placing)));
    }

    /** {@code GET /orders/{id}}: one of the caller's orders (any, for an admin). */
    @Bean
    HttpFunction getOrder(HttpRoutes routes, ViewingOrder viewing) {
        return routes.route(new GetOrderRoute(viewing));
    }

    /** {@code GET /orders}: the caller's orders, newest first, a page at a time. */
    @Bean
    HttpFunction listOrders(HttpRoutes routes, ListingOrders listing) {
        return routes.route(new ListOrdersRoute(listing));
    }

    /**
     * For the SnapStart snapshot: an order rendered as the routes answer with one, in memory (the priming events go
     * only as far as a refusal or a 404, which never render an order).
     */
    @Bean
    PrimingRead primeOrderBody(HttpRoutes routes) {
        return () -> routes.primeRendering(OrderBody.of(OrderPriming.sampleOrder()));
    }

    /** {@code POST /orders/{id}/cancel}: cancels a placed order. */
    @Bean
    HttpFunction cancelOrder(HttpRoutes routes, IdempotencyKeyContract idempotency, CancelingOrder canceling) {
        return routes.route(idempotency.around(new CancelOrderRoute(canceling)));
    }
}
