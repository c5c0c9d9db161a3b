package io.eventsuite.domain.order;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.common.Violations;
import io.eventsuite.domain.idempotency.RequestKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: place an order for the caller.
 *
 * <p>1 to 50 lines, all in one currency; the total must be computable. No total is accepted from the client:
 * the server computes it. Each line validates itself; adapters build lines with
 * {@code violations.nested("lines[" + i + "]", ...)} so their violations carry the index.
 *
 * @param customerId the caller's id from the token, never from the request body
 * @param requestKey present when the client sent an {@code Idempotency-Key}: the order's id is then derived from
 *                   it, so a retry that runs again finds the order its first run placed instead of placing another
 */
public record PlaceOrder(UserId customerId, List<OrderLine> lines, Optional<RequestKey> requestKey) {

    public static final int MAX_LINES = 50;

    public PlaceOrder {
        Objects.requireNonNull(customerId, "customerId comes from the caller's token");
        Violations v = new Violations();
        List<OrderLine> given = lines == null ? List.of() : new ArrayList<>(lines);
        v.check(!given.isEmpty() && given.size() <= MAX_LINES, "lines", "must hold 1 to " + MAX_LINES + " lines");
        for (int i = 0; i < given.size(); i++) {
            v.check(given.get(i) != null, "lines[" + i + "]", "is required");
        }
        if (v.isEmpty()) {
            long currencies = given.stream().map(line -> line.unitPrice().currency()).distinct().count();
            if (v.check(currencies == 1, "lines", "must all be in the same currency")) {
                v.attempt("total", () -> Order.totalOf(given));
            }
        }
        v.throwIfAny();
        lines = List.copyOf(given);
        requestKey = Objects.requireNonNullElse(requestKey, Optional.empty());
    }

    /** An order placed without an idempotency key. */
    public PlaceOrder(UserId customerId, List<OrderLine> lines) {
        this(customerId, lines, Optional.empty());
    }
}
