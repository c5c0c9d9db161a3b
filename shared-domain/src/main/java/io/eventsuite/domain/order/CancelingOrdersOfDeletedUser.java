package io.eventsuite.domain.order;

import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.event.UserDeleted;

import java.time.Clock;
import java.util.Objects;

/**
 * Use case (event consumer): when a user deletes their account, their open orders are cancelled.
 *
 * <p>Idempotent, since the event may arrive more than once: orders already cancelled are skipped, so a
 * redelivery cancels nothing and emits nothing. A failure midway throws, the message is redelivered and
 * the run resumes where it matters, the orders still open.
 */
public final class CancelingOrdersOfDeletedUser {

    public static final String REASON = "customer account deleted";
    private static final int PAGE_SIZE = PageRequest.MAX_LIMIT;

    private final Orders orders;
    private final OrderCancellation cancellation;

    public CancelingOrdersOfDeletedUser(Orders orders, Clock clock, IdGenerator ids, EventPublisher publisher) {
        this.orders = Objects.requireNonNull(orders);
        this.cancellation = new OrderCancellation(orders, Objects.requireNonNull(clock),
                Objects.requireNonNull(ids), Objects.requireNonNull(publisher));
    }

    /** @return how many orders this call cancelled */
    public int on(UserDeleted event) {
        int cancelled = 0;
        PageRequest request = PageRequest.first(PAGE_SIZE);
        while (true) {
            Page<Order> page = orders.findByCustomer(event.userId(), request);
            for (Order order : page.items()) {
                if (order.status().isOpen() && cancelOne(order)) {
                    cancelled++;
                }
            }
            if (page.nextCursor().isEmpty()) {
                return cancelled;
            }
            request = request.after(page.nextCursor().get());
        }
    }

    private boolean cancelOne(Order order) {
        return switch (cancellation.cancel(order.id(), REASON, any -> true)) {
            case CancelResult.Cancelled done -> true;
            // Cancelled or gone meanwhile: the goal is reached without us.
            case CancelResult.IllegalTransition already -> false;
            case CancelResult.NotFound gone -> false;
            case CancelResult.Conflict conflict ->
                    throw new IllegalStateException("order " + order.id() + " kept changing; the event will be redelivered");
        };
    }
}
