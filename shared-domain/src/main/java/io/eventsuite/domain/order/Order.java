package io.eventsuite.domain.order;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.idempotency.RequestKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order a customer placed.
 *
 * @param total              always the sum of the line totals, computed here, never taken from a client
 * @param version            1 when placed, +1 with every change; used for optimistic concurrency
 * @param cancellationReason present exactly when the order is cancelled
 * @param cancelledBy        the request that cancelled it, when that request had an idempotency key
 */
public record Order(OrderId id, UserId customerId, List<OrderLine> lines, Money total, OrderStatus status,
                    long version, Instant placedAt, Instant updatedAt, Optional<String> cancellationReason,
                    Optional<RequestKey> cancelledBy) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        cancellationReason = Objects.requireNonNullElse(cancellationReason, Optional.empty());
        cancelledBy = Objects.requireNonNullElse(cancelledBy, Optional.empty());
        if (lines.isEmpty() || version < 1) {
            throw new IllegalArgumentException("an order has lines and a version of 1 or more");
        }
    }

    /** A new order; the lines are assumed valid as {@link PlaceOrder} checks them (one currency). */
    public static Order place(OrderId id, UserId customerId, List<OrderLine> lines, Instant now) {
        return new Order(id, customerId, lines, totalOf(lines), OrderStatus.PLACED, 1, now, now, Optional.empty(),
                Optional.empty());
    }

    /** The sum of the line totals, in the lines' currency. */
    static Money totalOf(List<OrderLine> lines) {
        Money total = Money.zero(lines.getFirst().unitPrice().currency());
        for (OrderLine line : lines) {
            total = total.plus(line.lineTotal());
        }
        return total;
    }

    /** Cancels the order if its state allows, returning the new state and the event to emit with it. */
    public CancellationOutcome cancel(String reason, Instant now) {
        return cancel(reason, now, Optional.empty());
    }

    /**
     * Cancels the order if its state allows, remembering the request that did it, so that a retry of that request
     * can tell its own cancellation from someone else's.
     */
    public CancellationOutcome cancel(String reason, Instant now, Optional<RequestKey> by) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        if (!status.canBecome(OrderStatus.CANCELLED)) {
            return new CancellationOutcome.IllegalTransition(status, OrderStatus.CANCELLED);
        }
        Order cancelled = new Order(id, customerId, lines, total, OrderStatus.CANCELLED, version + 1, placedAt, now,
                Optional.of(reason), by);
        return new CancellationOutcome.Cancelled(cancelled, new OrderCancelled(id, customerId, reason));
    }
}
