package io.eventsuite.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.runtime.sqs.SqsEventSourceMapping;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A user's erasure reaches the order service over the wire and cancels their open orders, each once. */
@DisplayName("user deletion over the wire")
class UserDeletionOverTheWireTest {

    private final LocalAws aws = LocalAws.get();
    private final UserEvents users = new UserEvents(aws);
    private final SqsEventSourceMapping cancelOrders =
            Functions.mapping(aws, aws.cancelOrdersOfDeletedUser, Functions.ORDERS, "cancelOrdersOfDeletedUser");

    @Test
    void user_deleted_cancels_the_users_open_orders_and_each_cancellation_is_published_once() {
        String customer = "c-" + UUID.randomUUID();
        String first = place(customer);
        String second = place(customer);
        aws.drain(aws.orderEventsTap.url());

        var deleted = users.deleted(customer);
        users.republish(deleted);
        Functions.pollUntil(cancelOrders, () -> aws.depth(aws.cancelOrdersOfDeletedUser.url()) == 0,
                Duration.ofSeconds(30));

        assertThat(status(customer, first)).isEqualTo("CANCELLED");
        assertThat(status(customer, second)).isEqualTo("CANCELLED");
        assertThat(aws.drain(aws.orderEventsTap.url()))
                .filteredOn(m -> m.body().contains("io.eventsuite.order.cancelled.v1"))
                .hasSize(2);
    }

    private String place(String customer) {
        return Functions.ORDERS.http("placeOrder", ApiGatewayV2Events.request("POST", "/orders", "/orders").as(customer)
                .jsonBody("""
                        {"lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":{"minorUnits":100,"currency":"EUR"}}]}"""))
                .body().path("id").asString();
    }

    private String status(String customer, String orderId) {
        return Functions.ORDERS.http("getOrder", ApiGatewayV2Events.request("GET", "/orders/{id}", "/orders/" + orderId)
                .pathParameter("id", orderId).asAdmin("admin-1")).body().path("status").asString();
    }
}
