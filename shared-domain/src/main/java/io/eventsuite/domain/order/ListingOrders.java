package io.eventsuite.domain.order;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;

import java.util.Objects;

/** Use case: the caller's own orders, newest first, a page at a time. */
public final class ListingOrders {

    private final Orders orders;

    public ListingOrders(Orders orders) {
        this.orders = Objects.requireNonNull(orders);
    }

    public Page<Order> list(Caller caller, PageRequest page) {
        return orders.findByCustomer(caller.id(), page);
    }
}
