package io.eventsuite.domain.order;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.event.OrderCancelled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aLine;
import static io.eventsuite.domain.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

    private final Instant placedAt = Instant.parse("2025-06-01T09:00:00Z");
    private final Instant later = placedAt.plusSeconds(60);

    @Test
    void the_total_of_a_placed_order_is_computed_from_its_lines() {
        Order order = Order.place(new OrderId("o-1"), ALICE,
                List.of(aLine("BOOK-1", 2, eur(1250)), aLine("PEN-7", 3, eur(199))), placedAt);

        assertThat(order.total()).isEqualTo(eur(3097));
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.cancellationReason()).isEmpty();
    }

    @Test
    void cancelling_a_placed_order_gives_the_next_version_and_the_event_to_emit() {
        Order order = Order.place(new OrderId("o-1"), ALICE, List.of(aLine("BOOK-1", 1, eur(1250))), placedAt);

        var outcome = order.cancel("changed my mind", later);

        assertThat(outcome).isInstanceOfSatisfying(CancellationOutcome.Cancelled.class, cancelled -> {
            assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.order().version()).isEqualTo(2);
            assertThat(cancelled.order().updatedAt()).isEqualTo(later);
            assertThat(cancelled.order().placedAt()).isEqualTo(placedAt);
            assertThat(cancelled.order().cancellationReason()).contains("changed my mind");
            assertThat(cancelled.event()).isEqualTo(new OrderCancelled(new OrderId("o-1"), ALICE, "changed my mind"));
        });
    }

    @Test
    void a_cancelled_order_cannot_be_cancelled_again() {
        Order order = Order.place(new OrderId("o-1"), ALICE, List.of(aLine("BOOK-1", 1, eur(1250))), placedAt);
        Order cancelled = ((CancellationOutcome.Cancelled) order.cancel("first", later)).order();

        assertThat(cancelled.cancel("second", later.plusSeconds(1)))
                .isEqualTo(new CancellationOutcome.IllegalTransition(OrderStatus.CANCELLED, OrderStatus.CANCELLED));
    }
}
