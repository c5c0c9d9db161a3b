package io.eventsuite.domain.order;

/** What cancelling an order did. */
public sealed interface CancelResult {

    record Cancelled(Order order) implements CancelResult {
    }

    /** No such order, or not one the caller may change (the same answer on purpose, see {@code Caller}). */
    record NotFound() implements CancelResult {
    }

    /** The order's state does not allow cancelling (HTTP 409). */
    record IllegalTransition(OrderStatus from) implements CancelResult {
    }

    /** The order kept changing under us; the client may retry (HTTP 409). */
    record Conflict() implements CancelResult {
    }
}
