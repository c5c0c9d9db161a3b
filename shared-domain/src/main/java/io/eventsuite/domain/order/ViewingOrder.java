package io.eventsuite.domain.order;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.OrderId;

import java.util.Objects;
import java.util.Optional;

/** Use case: read one order; only its customer or an administrator may. */
public final class ViewingOrder {

    private final Orders orders;

    public ViewingOrder(Orders orders) {
        this.orders = Objects.requireNonNull(orders);
    }

    /** The order, or empty when it does not exist or belongs to someone else (indistinguishable on purpose). */
    public Optional<Order> view(Caller caller, OrderId id) {
        return orders.findById(id).filter(order -> caller.mayAccess(order.customerId()));
    }
}
