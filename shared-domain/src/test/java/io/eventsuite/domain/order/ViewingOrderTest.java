package io.eventsuite.domain.order;

import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anAdmin;
import static io.eventsuite.domain.testing.Fixtures.bob;
import static io.eventsuite.domain.testing.MutableClock.DEFAULT_START;
import static org.assertj.core.api.Assertions.assertThat;

class ViewingOrderTest {

    private final OrderServiceTestKit kit = new OrderServiceTestKit();
    private final Order alicesOrder = aPlacedOrder("o-1", ALICE, DEFAULT_START);

    @Test
    void a_customer_sees_their_order() {
        kit.orders.with(alicesOrder);

        assertThat(kit.viewing.view(alice(), alicesOrder.id())).contains(alicesOrder);
    }

    @Test
    void another_user_s_order_reads_as_absent() {
        kit.orders.with(alicesOrder);

        assertThat(kit.viewing.view(bob(), alicesOrder.id())).isEmpty();
    }

    @Test
    void an_administrator_may_read_any_order() {
        kit.orders.with(alicesOrder);

        assertThat(kit.viewing.view(anAdmin(), alicesOrder.id())).contains(alicesOrder);
    }
}
