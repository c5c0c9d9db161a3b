package io.eventsuite.domain.order;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.event.AfterCommit;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderPlaced;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Use case: a customer places an order; the server computes the total; emits {@link OrderPlaced}.
 *
 * <p>Under a request key the order's id is derived from it, so the write is idempotent: when a retry of the request
 * runs again (its first answer was lost after the write), it finds the order the first run placed and answers
 * with it. It publishes nothing then: that order's {@code OrderPlaced} was stored with it and is published (or
 * relayed) under its own id; a second event id would notify twice.
 */
public final class PlacingOrder {

    private final Orders orders;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher publisher;

    public PlacingOrder(Orders orders, Clock clock, IdGenerator ids, EventPublisher publisher) {
        this.orders = Objects.requireNonNull(orders);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.publisher = Objects.requireNonNull(publisher);
    }

    public Order place(PlaceOrder command) {
        Instant now = clock.instant();
        OrderId id = new OrderId(command.requestKey().map(key -> key.derivedId("order")).orElseGet(ids::newId));
        Order order = Order.place(id, command.customerId(), command.lines(), now);
        List<EventEnvelope> pending = List.of(EventEnvelope.wrap(new EventId(ids.newId()), EventSources.ORDERS, now,
                new OrderPlaced(order.id(), order.customerId(), order.lines(), order.total())));
        if (!orders.add(order, pending)) {
            return placedEarlierBy(command, id);
        }
        AfterCommit.publish(publisher, pending);
        return order;
    }

    private Order placedEarlierBy(PlaceOrder command, OrderId id) {
        return orders.findById(id)
                .filter(earlier -> command.requestKey().isPresent())
                .filter(earlier -> earlier.customerId().equals(command.customerId())
                        && earlier.lines().equals(command.lines()))
                .orElseThrow(() -> new IllegalStateException("order id " + id + " is taken by another order"));
    }
}
