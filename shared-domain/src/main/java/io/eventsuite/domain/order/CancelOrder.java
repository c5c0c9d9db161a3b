package io.eventsuite.domain.order;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Violations;
import io.eventsuite.domain.idempotency.RequestKey;

import java.util.Objects;
import java.util.Optional;

/**
 * Command: cancel an order.
 *
 * @param reason     optional; trimmed, at most 200 characters, {@value #DEFAULT_REASON} when absent or blank
 * @param requestKey present when the client sent an {@code Idempotency-Key}: the cancelled order remembers it, so
 *                   a retry that runs again is told the order is cancelled, not that cancelling is illegal now
 */
public record CancelOrder(OrderId orderId, String reason, Optional<RequestKey> requestKey) {

    public static final String DEFAULT_REASON = "cancelled by customer";
    public static final int MAX_REASON_LENGTH = 200;

    public CancelOrder {
        Objects.requireNonNull(orderId, "orderId");
        reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
        Violations v = new Violations();
        v.check(reason.length() <= MAX_REASON_LENGTH, "reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        v.throwIfAny();
        requestKey = Objects.requireNonNullElse(requestKey, Optional.empty());
    }

    public CancelOrder(OrderId orderId, String reason) {
        this(orderId, reason, Optional.empty());
    }

    public CancelOrder(OrderId orderId) {
        this(orderId, null);
    }
}
