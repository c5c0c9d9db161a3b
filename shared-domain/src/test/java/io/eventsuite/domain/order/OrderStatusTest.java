package io.eventsuite.domain.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTest {

    @Test
    void only_a_placed_order_can_become_cancelled() {
        assertThat(OrderStatus.PLACED.canBecome(OrderStatus.CANCELLED)).isTrue();
        assertThat(OrderStatus.CANCELLED.canBecome(OrderStatus.CANCELLED)).isFalse();
        assertThat(OrderStatus.CANCELLED.canBecome(OrderStatus.PLACED)).isFalse();
        assertThat(OrderStatus.PLACED.canBecome(OrderStatus.PLACED)).isFalse();
    }

    @Test
    void a_placed_order_is_open_and_a_cancelled_one_is_final() {
        assertThat(OrderStatus.PLACED.isOpen()).isTrue();
        assertThat(OrderStatus.CANCELLED.isOpen()).isFalse();
    }
}
