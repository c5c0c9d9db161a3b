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

/** Use case: a customer places an order; the server computes the total; emits {@link OrderPlaced}. */
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
        Order order = Order.place(new OrderId(ids.newId()), command.customerId(), command.lines(), now);
        List<EventEnvelope> pending = List.of(EventEnvelope.wrap(new EventId(ids.newId()), EventSources.ORDERS, now,
                new OrderPlaced(order.id(), order.customerId(), order.lines(), order.total())));
        orders.add(order, pending);
        AfterCommit.publish(publisher, pending);
        return order;
    }
}
