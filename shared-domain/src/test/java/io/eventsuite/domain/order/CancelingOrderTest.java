package io.eventsuite.domain.order;

import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.OrderCancelled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anAdmin;
import static io.eventsuite.domain.testing.Fixtures.bob;
import static io.eventsuite.domain.testing.MutableClock.DEFAULT_START;
import static org.assertj.core.api.Assertions.assertThat;

class CancelingOrderTest {

    private final OrderServiceTestKit kit = new OrderServiceTestKit();
    private final Order placed = aPlacedOrder("o-1", ALICE, DEFAULT_START);

    private Order cancelledVersionOf(Order order, long version) {
        return new Order(order.id(), order.customerId(), order.lines(), order.total(), OrderStatus.CANCELLED,
                version, order.placedAt(), order.updatedAt(), Optional.of("elsewhere"), Optional.empty());
    }

    @Test
    void a_customer_cancels_their_placed_order_which_is_stored_with_its_event_and_published() {
        kit.orders.with(placed);
        kit.clock.advance(Duration.ofMinutes(10));

        var result = kit.canceling.cancel(alice(), new CancelOrder(placed.id(), "found it cheaper"));

        Order cancelled = ((CancelResult.Cancelled) result).order();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        OrderCancelled event = new OrderCancelled(placed.id(), ALICE, "found it cheaper");
        assertThat(kit.orders.writes()).singleElement().satisfies(write -> {
            assertThat(write.aggregate()).isEqualTo(cancelled);
            assertThat(write.pending()).singleElement().extracting(EventEnvelope::data).isEqualTo(event);
        });
        assertThat(kit.publisher.publishedEvents()).containsExactly(event);
    }

    @Test
    void a_cancelled_order_cannot_be_cancelled_again() {
        kit.orders.with(placed);
        kit.canceling.cancel(alice(), new CancelOrder(placed.id()));

        var again = kit.canceling.cancel(alice(), new CancelOrder(placed.id()));

        assertThat(again).isEqualTo(new CancelResult.IllegalTransition(OrderStatus.CANCELLED));
        assertThat(kit.publisher.published()).hasSize(1);
    }

    @Test
    void another_user_s_order_is_not_found_and_stays_placed() {
        kit.orders.with(placed);

        assertThat(kit.canceling.cancel(bob(), new CancelOrder(placed.id()))).isEqualTo(new CancelResult.NotFound());
        assertThat(kit.orders.findById(placed.id()).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void an_administrator_may_cancel_any_order() {
        kit.orders.with(placed);

        assertThat(kit.canceling.cancel(anAdmin(), new CancelOrder(placed.id(), "fraud")))
                .isInstanceOf(CancelResult.Cancelled.class);
    }

    @Test
    void losing_a_race_to_a_concurrent_cancellation_is_an_illegal_transition_not_a_second_event() {
        kit.orders.with(placed);
        kit.orders.beforeNextWrite(() -> kit.orders.replace(cancelledVersionOf(placed, 2), 1, List.of()));

        var result = kit.canceling.cancel(alice(), new CancelOrder(placed.id()));

        assertThat(result).isEqualTo(new CancelResult.IllegalTransition(OrderStatus.CANCELLED));
        assertThat(kit.publisher.published()).isEmpty();
    }

    @Test
    void losing_the_version_race_twice_is_a_conflict() {
        kit.orders.with(placed);
        kit.orders.beforeNextWrite(() -> kit.orders.replace(versionOf(placed, 2), 1, List.of()));
        kit.orders.beforeNextWrite(() -> kit.orders.replace(versionOf(placed, 3), 2, List.of()));

        var result = kit.canceling.cancel(alice(), new CancelOrder(placed.id()));

        assertThat(result).isEqualTo(new CancelResult.Conflict());
        assertThat(kit.orders.findById(placed.id()).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void losing_the_version_race_once_is_retried_with_a_fresh_read() {
        kit.orders.with(placed);
        kit.orders.beforeNextWrite(() -> kit.orders.replace(versionOf(placed, 2), 1, List.of()));

        var result = kit.canceling.cancel(alice(), new CancelOrder(placed.id()));

        assertThat(result).isInstanceOfSatisfying(CancelResult.Cancelled.class,
                cancelled -> assertThat(cancelled.order().version()).isEqualTo(3));
    }

    /** The same placed order at another version, as another writer would leave it. */
    private static Order versionOf(Order order, long version) {
        return new Order(order.id(), order.customerId(), order.lines(), order.total(), order.status(), version,
                order.placedAt(), order.updatedAt(), order.cancellationReason(), order.cancelledBy());
    }
}
