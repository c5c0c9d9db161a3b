package io.eventsuite.domain.order;

import io.eventsuite.domain.event.OrderCancelled;

/** What asking an order to cancel itself gives: the new state with its event, or a refusal. */
public sealed interface CancellationOutcome {

    record Cancelled(Order order, OrderCancelled event) implements CancellationOutcome {
    }

    record IllegalTransition(OrderStatus from, OrderStatus to) implements CancellationOutcome {
    }
}
