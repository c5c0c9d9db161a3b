package io.eventsuite.domain.order;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.eventsuite.domain.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderLineTest {

    @Test
    void a_line_total_is_quantity_times_unit_price() {
        assertThat(new OrderLine("BOOK-1", 3, eur(1250)).lineTotal()).isEqualTo(eur(3750));
    }

    @Test
    void a_sku_is_upper_case_letters_digits_and_dashes_of_at_most_64_characters() {
        assertThat(new OrderLine("A".repeat(64), 1, eur(1)).sku()).hasSize(64);
        assertThat(List.of("", "-BOOK", "book-1", "BOOK 1", "BOOK_1", "A".repeat(65))).allSatisfy(sku ->
                assertThatThrownBy(() -> new OrderLine(sku, 1, eur(1)))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                                .extracting(Violation::field).containsExactly("sku")));
    }

    @Test
    void a_quantity_outside_one_to_a_thousand_is_refused() {
        assertThat(new OrderLine("BOOK-1", 1000, eur(1)).quantity()).isEqualTo(1000);
        assertThat(List.of(0, -3, 1001)).allSatisfy(quantity ->
                assertThatThrownBy(() -> new OrderLine("BOOK-1", quantity, eur(1)))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                                .containsExactly(new Violation("quantity", "must be between 1 and 1000"))));
    }

    @Test
    void every_problem_of_a_line_is_reported_at_once() {
        assertThatThrownBy(() -> new OrderLine(null, 0, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("sku", "quantity", "unitPrice"));
    }
}
