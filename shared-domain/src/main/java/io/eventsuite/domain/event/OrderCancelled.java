package io.eventsuite.domain.event;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;

import java.util.Objects;

/** An order was cancelled, by its customer, an administrator, or because the customer's account went. */
public record OrderCancelled(OrderId orderId, UserId customerId, String reason) implements DomainEvent {

    public static final String TYPE = "io.eventsuite.order.cancelled.v1";

    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return orderId.value();
    }
}
