package io.eventsuite.domain.order;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.UserDeleted;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.BOB;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.MutableClock.DEFAULT_START;
import static org.assertj.core.api.Assertions.assertThat;

class CancelingOrdersOfDeletedUserTest {

    private final OrderServiceTestKit kit = new OrderServiceTestKit();

    /** More orders than fit on one page of the consumer (100), every third one already cancelled. */
    private void givenAliceHas(int orders) {
        for (int i = 1; i <= orders; i++) {
            Order order = aPlacedOrder("a-" + i, ALICE, DEFAULT_START.plus(Duration.ofSeconds(i)));
            if (i % 3 == 0) {
                order = ((CancellationOutcome.Cancelled) order.cancel("earlier", DEFAULT_START)).order();
            }
            kit.orders.with(order);
        }
    }

    @Test
    void every_open_order_of_the_deleted_user_is_cancelled_across_more_than_one_page() {
        givenAliceHas(250);

        int cancelled = kit.cancelingOfDeletedUser.on(new UserDeleted(ALICE, 2));

        assertThat(cancelled).isEqualTo(250 - 83);
        assertThat(kit.orders.pageReads()).as("three pages, walked twice").isEqualTo(6);
        for (int i = 1; i <= 250; i++) {
            assertThat(kit.orders.findById(new OrderId("a-" + i)).orElseThrow().status())
                    .as("a-" + i).isEqualTo(OrderStatus.CANCELLED);
        }
    }

    @Test
    void only_the_user_s_open_orders_are_cancelled_with_the_account_deleted_reason() {
        givenAliceHas(6);
        kit.orders.with(aPlacedOrder("b-1", BOB, DEFAULT_START));

        kit.cancelingOfDeletedUser.on(new UserDeleted(ALICE, 2));

        assertThat(kit.publisher.publishedOfType(OrderCancelled.class))
                .hasSize(4)
                .allSatisfy(event -> assertThat(event.reason()).isEqualTo("customer account deleted"))
                .extracting(event -> event.orderId().value())
                .containsExactlyInAnyOrder("a-1", "a-2", "a-4", "a-5");
        assertThat(kit.orders.findById(new OrderId("a-3")).orElseThrow()
                .cancellationReason()).contains("earlier");
        assertThat(kit.orders.findById(new OrderId("b-1")).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void handling_the_same_deletion_again_cancels_nothing_more() {
        givenAliceHas(4);
        kit.cancelingOfDeletedUser.on(new UserDeleted(ALICE, 2));

        int second = kit.cancelingOfDeletedUser.on(new UserDeleted(ALICE, 2));

        assertThat(second).isZero();
        assertThat(kit.publisher.published()).hasSize(3);
    }

    @Test
    void an_order_placed_just_before_the_deletion_is_cancelled_although_the_index_did_not_list_it_yet() {
        givenAliceHas(2);
        kit.orders.with(aPlacedOrder("a-just-before", ALICE, DEFAULT_START.plus(Duration.ofMinutes(1))));
        kit.orders.index().lagBehind(new OrderId("a-just-before"));

        int cancelled = kit.cancelingOfDeletedUser.on(new UserDeleted(ALICE, 2));

        assertThat(cancelled).isEqualTo(3);
        assertThat(kit.orders.findById(new OrderId("a-just-before")).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(kit.orders.index().waits()).as("the second pass waited for the index").isEqualTo(1);
    }
}
