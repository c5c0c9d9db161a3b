package io.eventsuite.domain.order;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancelOrderTest {

    private final OrderId id = new OrderId("o-1");

    @Test
    void without_a_reason_the_customer_is_said_to_have_cancelled() {
        assertThat(new CancelOrder(id).reason()).isEqualTo("cancelled by customer");
        assertThat(new CancelOrder(id, "   ").reason()).isEqualTo("cancelled by customer");
    }

    @Test
    void a_reason_is_trimmed() {
        assertThat(new CancelOrder(id, "  found it cheaper ").reason()).isEqualTo("found it cheaper");
    }

    @Test
    void a_reason_longer_than_200_characters_is_refused() {
        assertThat(new CancelOrder(id, "r".repeat(200)).reason()).hasSize(200);
        assertThatThrownBy(() -> new CancelOrder(id, "r".repeat(201)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("reason", "must be at most 200 characters")));
    }
}
