package io.eventsuite.domain.order;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.idempotency.RequestKey;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aLine;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anOrderOf;
import static io.eventsuite.domain.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client retries a POST under the same Idempotency-Key when it got no answer. Whatever failed after the write
 * committed (its response lost, the stored result lost), the retry must find the first run's write, not write again
 * nor meet it as a conflict.
 */
class RetriedOrderRequestsTest {

    private static final Duration LOCK = Duration.ofMinutes(2);
    private static final Duration KEEP = Duration.ofHours(24);

    private final OrderServiceTestKit kit = new OrderServiceTestKit();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final IdempotentExecution execution = new IdempotentExecution(store, kit.clock, LOCK, KEEP);

    @Test
    void a_retry_after_the_result_could_not_be_stored_gets_the_same_order_not_a_second_one() {
        store.failNextComplete(new IllegalStateException("idempotency table unavailable"));
        assertThatThrownBy(() -> place("key-1", anOrderOf(ALICE))).hasMessage("idempotency table unavailable");
        assertThat(place("key-1", anOrderOf(ALICE))).isEqualTo(new Execution.Rejected(Execution.Reason.IN_PROGRESS));

        kit.clock.advance(LOCK);
        Execution retry = place("key-1", anOrderOf(ALICE));

        assertThat(ordersOfAlice()).singleElement()
                .satisfies(order -> assertThat(retry).isEqualTo(new Execution.Fresh(order.id().value())));
        assertThat(kit.publisher.publishedOfType(OrderPlaced.class)).hasSize(1);
    }

    @Test
    void a_retry_after_the_write_committed_but_its_answer_was_lost_gets_the_same_order_not_a_second_one() {
        kit.orders.failAfterNextWrite(new IllegalStateException("response lost, retries exhausted"));
        assertThatThrownBy(() -> place("key-1", anOrderOf(ALICE))).hasMessage("response lost, retries exhausted");

        kit.clock.advance(LOCK);
        Execution retry = place("key-1", anOrderOf(ALICE));

        assertThat(ordersOfAlice()).singleElement()
                .satisfies(order -> assertThat(retry).isEqualTo(new Execution.Fresh(order.id().value())));
        // Its OrderPlaced is stored with the order, pending: the relay publishes that one, never a second id.
        assertThat(kit.orders.writes()).singleElement();
        assertThat(kit.publisher.publishedOfType(OrderPlaced.class)).isEmpty();
    }

    @Test
    void a_retry_after_the_first_answer_was_stored_replays_it() {
        Execution first = place("key-1", anOrderOf(ALICE));

        assertThat(place("key-1", anOrderOf(ALICE))).isEqualTo(new Execution.Replayed(((Execution.Fresh) first).result()));
        assertThat(ordersOfAlice()).hasSize(1);
    }

    @Test
    void other_keys_place_other_orders_and_so_does_a_reused_key_with_another_order_once_its_retention_ended() {
        place("key-1", anOrderOf(ALICE));
        place("key-2", anOrderOf(ALICE));
        kit.clock.advance(KEEP);
        place("key-1", anOrderOf(ALICE, aLine("PEN-7", 3, eur(199))));

        assertThat(ordersOfAlice()).hasSize(3);
    }

    @Test
    void a_cancellation_retried_after_its_result_could_not_be_stored_answers_cancelled_not_illegal_transition() {
        Order order = kit.placing.place(anOrderOf(ALICE));
        store.failNextComplete(new IllegalStateException("idempotency table unavailable"));
        assertThatThrownBy(() -> cancel("key-9", order.id())).hasMessage("idempotency table unavailable");

        kit.clock.advance(LOCK);

        assertThat(cancel("key-9", order.id())).isEqualTo(new Execution.Fresh("Cancelled v2"));
        assertThat(kit.publisher.publishedOfType(OrderCancelled.class)).hasSize(1);
    }

    @Test
    void a_cancellation_whose_answer_was_lost_is_recognised_by_its_retry() {
        Order order = kit.placing.place(anOrderOf(ALICE));
        kit.orders.failAfterNextWrite(new IllegalStateException("response lost, retries exhausted"));
        assertThatThrownBy(() -> cancel("key-9", order.id())).hasMessage("response lost, retries exhausted");

        kit.clock.advance(LOCK);

        assertThat(cancel("key-9", order.id())).isEqualTo(new Execution.Fresh("Cancelled v2"));
        assertThat(kit.orders.findById(order.id())).hasValueSatisfying(o -> assertThat(o.version()).isEqualTo(2));
    }

    @Test
    void cancelling_a_cancelled_order_by_another_request_is_still_an_illegal_transition() {
        Order order = kit.placing.place(anOrderOf(ALICE));
        cancel("key-9", order.id());

        assertThat(cancel("key-10", order.id())).isEqualTo(new Execution.Fresh("IllegalTransition"));
        assertThat(kit.canceling.cancel(alice(), new CancelOrder(order.id())))
                .isInstanceOf(CancelResult.IllegalTransition.class);
    }

    /** What the order route does under the Idempotency-Key contract, the response reduced to the order id. */
    private Execution place(String key, PlaceOrder order) {
        String scoped = ALICE.value() + "|POST /orders|" + key;
        String fingerprint = order.lines().toString();
        RequestKey requestKey = RequestKey.of(scoped, fingerprint);
        PlaceOrder keyed = new PlaceOrder(order.customerId(), order.lines(), Optional.of(requestKey));
        return execution.run(scoped, fingerprint, () -> kit.placing.place(keyed).id().value());
    }

    private Execution cancel(String key, OrderId id) {
        String scoped = ALICE.value() + "|POST /orders/{id}/cancel|" + key;
        String fingerprint = "/orders/" + id.value() + "/cancel";
        CancelOrder command = new CancelOrder(id, null, Optional.of(RequestKey.of(scoped, fingerprint)));
        return execution.run(scoped, fingerprint, () -> switch (kit.canceling.cancel(alice(), command)) {
            case CancelResult.Cancelled(Order cancelled) -> "Cancelled v" + cancelled.version();
            case CancelResult other -> other.getClass().getSimpleName();
        });
    }

    private java.util.List<Order> ordersOfAlice() {
        return kit.orders.findByCustomer(ALICE, PageRequest.first(100)).items();
    }
}
