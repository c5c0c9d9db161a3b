package io.eventsuite.domain.order;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Violations;

import java.util.Objects;

/**
 * Command: cancel an order.
 *
 * @param reason optional; trimmed, at most 200 characters, {@value #DEFAULT_REASON} when absent or blank
 */
public record CancelOrder(OrderId orderId, String reason) {

    public static final String DEFAULT_REASON = "cancelled by customer";
    public static final int MAX_REASON_LENGTH = 200;

    public CancelOrder {
        Objects.requireNonNull(orderId, "orderId");
        reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
        Violations v = new Violations();
        v.check(reason.length() <= MAX_REASON_LENGTH, "reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        v.throwIfAny();
    }

    public CancelOrder(OrderId orderId) {
        this(orderId, null);
    }
}
