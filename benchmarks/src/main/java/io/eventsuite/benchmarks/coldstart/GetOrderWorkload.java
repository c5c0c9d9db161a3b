package io.eventsuite.benchmarks.coldstart;

import io.eventsuite.adapters.dynamodb.DynamoDbOrders;
import io.eventsuite.benchmarks.coldstart.plain.PlainGetOrderHandler;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /orders/{id}}, an HTTP read: one consistent GetItem. Both variants read the same order, written
 * beforehand by order-service's own repository, with the owner's JWT claims; the answer must be 200 with it.
 */
final class GetOrderWorkload implements Workload {

    @Override
    public String id() {
        return "get-order";
    }

    @Override
    public String function() {
        return "GetOrderFunction";
    }

    @Override
    public Class<?> plainHandler() {
        return PlainGetOrderHandler.class;
    }

    @Override
    public Set<String> sdkServices() {
        return Set.of("dynamodb");
    }

    @Override
    public Prepared prepare(Provisioner provisioner, ProvisionedStack stack) {
        Order order = seedOrder(provisioner, stack);
        byte[] event = ApiGatewayV2Events.request("GET", "/orders/{id}", "/orders/" + order.id().value())
                .pathParameter("id", order.id().value()).as(order.customerId().value()).toJson()
                .getBytes(StandardCharsets.UTF_8);
        return new Prepared() {
            @Override
            public byte[] nextEvent() {
                return event;
            }

            @Override
            public String check(String variant, String answer) {
                String id = WorkloadAnswers.httpBody(variant, answer, 200).path("id").asString();
                if (!order.id().value().equals(id)) {
                    throw new IllegalStateException(variant + " did not answer with order " + order.id().value()
                            + ": " + answer);
                }
                return "200, order " + id;
            }
        };
    }

    /** The order both variants read, written by order-service's own repository (no pending events). */
    private static Order seedOrder(Provisioner provisioner, ProvisionedStack stack) {
        byte[] cursorKey = new byte[32];
        new SecureRandom().nextBytes(cursorKey);
        DynamoDbOrders orders = new DynamoDbOrders(provisioner.dynamo(), stack.tableNames().get("OrdersTable"),
                new CloudEventCodec(StrictJson.create().mapper()), cursorKey);
        Order order = Order.place(new OrderId(UUID.randomUUID().toString()),
                new UserId("bench-" + UUID.randomUUID().toString().substring(0, 8)),
                List.of(new OrderLine("BOOK-1", 2, new Money(1250, "EUR")),
                        new OrderLine("PEN-7", 1, new Money(199, "EUR"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        orders.add(order, List.of());
        return order;
    }
}
