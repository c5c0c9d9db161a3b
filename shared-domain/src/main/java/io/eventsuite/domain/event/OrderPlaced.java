package io.eventsuite.domain.event;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.order.OrderLine;

import java.util.List;
import java.util.Objects;

/** A customer placed an order; {@code total} is the server-computed sum of the lines. */
public record OrderPlaced(OrderId orderId, UserId customerId, List<OrderLine> lines, Money total)
        implements DomainEvent {

    public static final String TYPE = "io.eventsuite.order.placed.v1";

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
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
