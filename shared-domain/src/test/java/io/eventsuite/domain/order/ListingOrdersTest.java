package io.eventsuite.domain.order;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.BOB;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anAdmin;
import static io.eventsuite.domain.testing.MutableClock.DEFAULT_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingOrdersTest {

    private final OrderServiceTestKit kit = new OrderServiceTestKit();

    private void givenOrdersOfAliceAndBob() {
        for (int i = 1; i <= 5; i++) {
            kit.orders.with(aPlacedOrder("a-" + i, ALICE, DEFAULT_START.plus(Duration.ofMinutes(i))));
        }
        kit.orders.with(aPlacedOrder("b-1", BOB, DEFAULT_START.plus(Duration.ofMinutes(3))));
    }

    @Test
    void a_customer_lists_only_their_own_orders_newest_first_a_page_at_a_time() {
        givenOrdersOfAliceAndBob();

        Page<Order> first = kit.listing.list(alice(), PageRequest.first(2));
        Page<Order> second = kit.listing.list(alice(), PageRequest.first(2).after(first.nextCursor().orElseThrow()));
        Page<Order> third = kit.listing.list(alice(), PageRequest.first(2).after(second.nextCursor().orElseThrow()));

        assertThat(first.items()).extracting(o -> o.id().value()).containsExactly("a-5", "a-4");
        assertThat(second.items()).extracting(o -> o.id().value()).containsExactly("a-3", "a-2");
        assertThat(third.items()).extracting(o -> o.id().value()).containsExactly("a-1");
        assertThat(third.hasMore()).isFalse();
    }

    @Test
    void an_administrator_lists_their_own_orders_not_everyone_s() {
        givenOrdersOfAliceAndBob();

        assertThat(kit.listing.list(anAdmin(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void a_cursor_that_the_store_did_not_produce_is_invalid_input_on_the_cursor() {
        assertThatThrownBy(() -> kit.listing.list(alice(), PageRequest.of(10, "not-a-cursor")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("cursor"));
    }
}
