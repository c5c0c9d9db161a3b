package io.eventsuite.domain.order;

import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.common.UserId;
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
 *
 * <p>The customer's orders are found through an index that may trail the table ({@link IndexLag}): an order
 * placed just before the deletion may not be listed yet. So the orders are walked twice, the second time after
 * the lag is waited out; the second pass usually finds nothing open and cancels nothing.
 */
public final class CancelingOrdersOfDeletedUser {

    public static final String REASON = "customer account deleted";
    private static final int PAGE_SIZE = PageRequest.MAX_LIMIT;

    private final Orders orders;
    private final OrderCancellation cancellation;
    private final IndexLag indexLag;

    public CancelingOrdersOfDeletedUser(Orders orders, Clock clock, IdGenerator ids, EventPublisher publisher,
                                        IndexLag indexLag) {
        this.orders = Objects.requireNonNull(orders);
        this.indexLag = Objects.requireNonNull(indexLag);
        this.cancellation = new OrderCancellation(orders, Objects.requireNonNull(clock),
                Objects.requireNonNull(ids), Objects.requireNonNull(publisher));
    }

    /** @return how many orders this call cancelled */
    public int on(UserDeleted event) {
        int cancelled = cancelOpenOrders(event.userId());
        indexLag.waitOut();
        return cancelled + cancelOpenOrders(event.userId());
    }

    private int cancelOpenOrders(UserId customer) {
        int cancelled = 0;
        PageRequest request = PageRequest.first(PAGE_SIZE);
        while (true) {
            Page<Order> page = orders.findByCustomer(customer, request);
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
