package io.eventsuite.domain.order;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.Violation;
import io.eventsuite.domain.common.Violations;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aBook;
import static io.eventsuite.domain.testing.Fixtures.aLine;
import static io.eventsuite.domain.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceOrderTest {

    @Test
    void an_order_with_lines_in_two_currencies_is_refused_on_the_lines() {
        assertThatThrownBy(() -> new PlaceOrder(ALICE, List.of(aBook(), aLine("PEN-7", 1, new Money(100, "USD")))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("lines", "must all be in the same currency")));
    }

    @Test
    void an_order_without_lines_is_refused() {
        assertThatThrownBy(() -> new PlaceOrder(ALICE, List.of()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("lines", "must hold 1 to 50 lines")));
        assertThatThrownBy(() -> new PlaceOrder(ALICE, null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void an_order_may_have_fifty_lines_but_not_fifty_one() {
        assertThat(new PlaceOrder(ALICE, Collections.nCopies(50, aBook())).lines()).hasSize(50);
        assertThatThrownBy(() -> new PlaceOrder(ALICE, Collections.nCopies(51, aBook())))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_missing_line_is_reported_with_its_index() {
        assertThatThrownBy(() -> new PlaceOrder(ALICE, Arrays.asList(aBook(), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("lines[1]", "is required")));
    }

    @Test
    void an_order_whose_total_would_overflow_is_refused_on_the_total() {
        OrderLine priceless = aLine("GEM-1", 1000, eur(Long.MAX_VALUE / 1000));

        assertThatThrownBy(() -> new PlaceOrder(ALICE, List.of(priceless, priceless)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("total", "is too large to compute")));
    }

    @Test
    void an_adapter_reports_every_bad_field_of_every_line_with_its_path() {
        Violations v = new Violations();
        v.nested("lines[0]", () -> new OrderLine("BOOK-1", 0, eur(1)));
        v.nested("lines[1].unitPrice", () -> new Money(-1, "EUR"));
        v.nested("lines[1]", () -> new OrderLine("bad sku", 2, eur(1)));

        assertThat(v.list()).extracting(Violation::field).containsExactly(
                "lines[0].quantity", "lines[1].unitPrice.minorUnits", "lines[1].sku");
    }
}
