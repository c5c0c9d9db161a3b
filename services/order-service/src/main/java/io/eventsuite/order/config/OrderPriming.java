package io.eventsuite.order.config;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.platform.snapstart.PrimingEvent;
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

    static final String IDENTITY = """
            "requestContext":{"requestId":"snapstart-priming","http":{"method":"%s","path":"%s"},\
            "authorizer":{"jwt":{"claims":{"sub":"snapstart-priming","token_use":"access",\
            "scope":"eventsuite/orders"},"scopes":null}}}""";

    static String request(String method, String routeKey, String path, String pathParameters, String body) {
        return "{\"version\":\"2.0\",\"routeKey\":\"" + method + " " + routeKey + "\",\"rawPath\":\"" + path
                + "\",\"rawQueryString\":\"\",\"headers\":{\"accept\":\"application/json\","
                + "\"content-type\":\"application/json\"},\"pathParameters\":" + pathParameters + ","
                + IDENTITY.formatted(method, path) + ",\"body\":" + (body == null ? "null" : quoted(body))
                + ",\"isBase64Encoded\":false}";
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Bean
    PrimingEvent placeOrderPriming() {
        return new PrimingEvent("placeOrder", request("POST", "/orders", "/orders", "null",
                "{\"lines\":[{\"sku\":\"SNAPSTART-PRIMING\",\"quantity\":0,"
                        + "\"unitPrice\":{\"minorUnits\":1,\"currency\":\"EUR\"}}]}"));
    }

    @Bean
    PrimingEvent getOrderPriming() {
        return new PrimingEvent("getOrder", request("GET", "/orders/{id}", "/orders/snapstart-priming",
                "{\"id\":\"snapstart-priming\"}", null));
    }

    @Bean
    PrimingEvent cancelOrderPriming() {
        return new PrimingEvent("cancelOrder", request("POST", "/orders/{id}/cancel",
                "/orders/snapstart-priming/cancel", "{\"id\":\"snapstart-priming\"}", "{}"));
    }
}
