package io.eventsuite.domain.order;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.event.AfterCommit;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.idempotency.RequestKey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The read-decide-write loop both ways of cancelling share: a lost version race is retried once with a
 * fresh read, because the other writer may have changed something that does not stop the cancellation.
 *
 * <p>An order cancelled by this very request (a retry that runs again because its first answer was lost after
 * the write) is reported as cancelled, without writing or publishing again; anyone else's cancellation makes it an
 * illegal transition.
 */
final class OrderCancellation {

    private static final int ATTEMPTS = 2;

    private final Orders orders;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher publisher;

    OrderCancellation(Orders orders, Clock clock, IdGenerator ids, EventPublisher publisher) {
        this.orders = orders;
        this.clock = clock;
        this.ids = ids;
        this.publisher = publisher;
    }

    CancelResult cancel(OrderId id, String reason, Predicate<Order> visible) {
        return cancel(id, reason, Optional.empty(), visible);
    }

    CancelResult cancel(OrderId id, String reason, Optional<RequestKey> requestKey, Predicate<Order> visible) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Order> found = orders.findById(id).filter(visible);
            if (found.isEmpty()) {
                return new CancelResult.NotFound();
            }
            Order current = found.get();
            if (requestKey.isPresent() && current.cancelledBy().equals(requestKey)) {
                return new CancelResult.Cancelled(current);
            }
            Instant now = clock.instant();
            switch (current.cancel(reason, now, requestKey)) {
                case CancellationOutcome.IllegalTransition refused -> {
                    return new CancelResult.IllegalTransition(refused.from());
                }
                case CancellationOutcome.Cancelled(Order cancelled, var event) -> {
                    List<EventEnvelope> pending = List.of(
                            EventEnvelope.wrap(new EventId(ids.newId()), EventSources.ORDERS, now, event));
                    if (orders.replace(cancelled, current.version(), pending)) {
                        AfterCommit.publish(publisher, pending);
                        return new CancelResult.Cancelled(cancelled);
                    }
                }
            }
        }
        return new CancelResult.Conflict();
    }
}
