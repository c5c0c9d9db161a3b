package io.eventsuite.order.config;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.platform.snapstart.InMemoryPrimingEvent;
import io.eventsuite.platform.snapstart.PrimingEvent;
import io.eventsuite.platform.snapstart.PrimingRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Richer SnapStart priming for the order routes (see {@link PrimingEvent}), each answered without a write: the
 * events carry an identity (the authorizer's claims, as API Gateway passes them) and no {@code Idempotency-Key}.
 * {@code placeOrder}'s body binds but holds a line of quantity 0, which the domain refuses (422) before the use case
 * writes; {@code getOrder} and {@code cancelOrder} look up an order id that cannot exist (ids are UUIDs) and answer
 * 404 after the real GetItem. SnapStartPrimingTest holds them to "no write, no publish".
 */
@Configuration(proxyBeanMethods = false)
public class OrderPriming {

    /**
     * An order that exists nowhere, for priming the success paths in memory: its mapping to an item and back
     * ({@code primeOrderMapping}) and its rendering as the routes answer it ({@code OrderFunctions}).
     */
    public static Order sampleOrder() {
        return Order.place(new OrderId("snapstart-priming"), new UserId("snapstart-priming"),
                List.of(new OrderLine("SNAPSTART-PRIMING", 1, new Money(1, "EUR"))), Instant.EPOCH);
    }

    /** A request of the sample order's customer, with the orders scope. */
    static PrimingRequest request(String method, String routeKey, String path) {
        return PrimingRequest.of(method, routeKey, path, "snapstart-priming", "eventsuite/orders");
    }

    private static final String ONE_LINE_OF = "{\"lines\":[{\"sku\":\"SNAPSTART-PRIMING\",\"quantity\":%d,"
            + "\"unitPrice\":{\"minorUnits\":1,\"currency\":\"EUR\"}}]}";

    @Bean
    PrimingEvent placeOrderPriming() {
        return new PrimingEvent("placeOrder", request("POST", "/orders", "/orders")
                .withBody(ONE_LINE_OF.formatted(0)).json());
    }

    @Bean
    PrimingEvent getOrderPriming() {
        return new PrimingEvent("getOrder", sampleOrderRequest("GET", "/orders/{id}", "/orders/snapstart-priming")
                .json());
    }

    @Bean
    PrimingEvent cancelOrderPriming() {
        return new PrimingEvent("cancelOrder", sampleOrderRequest("POST", "/orders/{id}/cancel",
                "/orders/snapstart-priming/cancel").withBody("{}").json());
    }

    /**
     * The routes' success paths, answered in memory (see {@link InMemoryPrimingEvent}): an order placed, the sample
     * order found, and cancelled. GetItem finds the sample order ({@code OrderAdapters.sampleOrderItem}); every write
     * is accepted and every publish succeeds, in memory.
     */
    @Bean
    InMemoryPrimingEvent placeOrderInMemory() {
        return new InMemoryPrimingEvent("placeOrder", request("POST", "/orders", "/orders").withIdempotencyKey()
                .withBody(ONE_LINE_OF.formatted(1)).json());
    }

    @Bean
    InMemoryPrimingEvent getOrderInMemory() {
        return new InMemoryPrimingEvent("getOrder", getOrderPriming().json());
    }

    @Bean
    InMemoryPrimingEvent cancelOrderInMemory() {
        return new InMemoryPrimingEvent("cancelOrder", sampleOrderRequest("POST", "/orders/{id}/cancel",
                "/orders/snapstart-priming/cancel").withIdempotencyKey().withBody("{}").json());
    }

    private static PrimingRequest sampleOrderRequest(String method, String routeKey, String path) {
        return request(method, routeKey, path).withPathParameter("id", "snapstart-priming");
    }
}
