package io.eventsuite.domain.order;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.event.OrderCancelled;

import java.time.Clock;
import java.util.Objects;

/** Use case: the customer (or an administrator) cancels an order; emits {@link OrderCancelled}. */
public final class CancelingOrder {

    private final OrderCancellation cancellation;

    public CancelingOrder(Orders orders, Clock clock, IdGenerator ids, EventPublisher publisher) {
        this.cancellation = new OrderCancellation(Objects.requireNonNull(orders), Objects.requireNonNull(clock),
                Objects.requireNonNull(ids), Objects.requireNonNull(publisher));
    }

    public CancelResult cancel(Caller caller, CancelOrder command) {
        return cancellation.cancel(command.orderId(), command.reason(), command.requestKey(),
                order -> caller.mayAccess(order.customerId()));
    }
}
