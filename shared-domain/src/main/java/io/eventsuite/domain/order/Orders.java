package io.eventsuite.domain.order;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;

import java.util.List;
import java.util.Optional;

/**
 * Port: all orders (a DynamoDB table in AWS).
 *
 * <p>Like {@code Users}, each write stores the order with its pending events in one single-item write.
 */
public interface Orders {

    Optional<Order> findById(OrderId id);

    /**
     * Stores a new order. {@code false} when an order with this id exists: ids are random, or derived from the
     * request that placed the order, so that is the same request placing it again.
     */
    boolean add(Order order, List<EventEnvelope> pending);

    /** Replaces the order if the stored version is still {@code expectedVersion}; {@code false} otherwise or when gone. */
    boolean replace(Order order, long expectedVersion, List<EventEnvelope> pending);

    /**
     * A customer's orders, newest first. Continuing from a cursor is stable while orders change status.
     *
     * @throws io.eventsuite.domain.common.InvalidInput on the field {@code cursor} when it is not one this adapter produced
     */
    Page<Order> findByCustomer(UserId customerId, PageRequest page);
}
