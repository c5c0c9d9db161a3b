package io.eventsuite.domain.order;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aLine;
import static io.eventsuite.domain.testing.Fixtures.anOrderOf;
import static io.eventsuite.domain.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

class PlacingOrderTest {

    private final OrderServiceTestKit kit = new OrderServiceTestKit();

    @Test
    void the_server_computes_the_total_of_a_new_order() {
        Order order = kit.placing.place(anOrderOf(ALICE, aLine("BOOK-1", 2, eur(1250)), aLine("PEN-7", 1, eur(199))));

        assertThat(order.total()).isEqualTo(eur(2699));
        assertThat(order.id().value()).isEqualTo("id-1");
        assertThat(order.customerId()).isEqualTo(ALICE);
        assertThat(order.placedAt()).isEqualTo(MutableClock.DEFAULT_START);
    }

    @Test
    void a_new_order_is_stored_with_its_placed_event_in_one_write_then_published() {
        Order order = kit.placing.place(anOrderOf(ALICE));

        OrderPlaced expected = new OrderPlaced(order.id(), ALICE, order.lines(), order.total());
        assertThat(kit.orders.writes()).singleElement().satisfies(write -> {
            assertThat(write.aggregate()).isEqualTo(order);
            assertThat(write.pending()).singleElement().extracting(EventEnvelope::data).isEqualTo(expected);
        });
        assertThat(kit.publisher.published()).singleElement().satisfies(envelope -> {
            assertThat(envelope.source()).isEqualTo(EventSources.ORDERS);
            assertThat(envelope.subject()).isEqualTo(order.id().value());
            assertThat(envelope.data()).isEqualTo(expected);
        });
    }

    @Test
    void orders_in_a_currency_without_cents_are_totalled_all_the_same() {
        Order order = kit.placing.place(anOrderOf(ALICE, aLine("TEA-3", 4, new Money(350, "JPY"))));

        assertThat(order.total()).isEqualTo(new Money(1400, "JPY"));
    }
}
