package io.eventsuite.domain.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void amounts_in_the_same_currency_add_up() {
        assertThat(new Money(1250, "EUR").plus(new Money(199, "EUR"))).isEqualTo(new Money(1449, "EUR"));
        assertThat(Money.zero("USD").plus(new Money(5, "USD"))).isEqualTo(new Money(5, "USD"));
    }

    @Test
    void adding_another_currency_is_a_programming_error() {
        assertThatThrownBy(() -> new Money(1, "EUR").plus(new Money(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD");
    }

    @Test
    void multiplying_by_a_quantity_is_exact() {
        assertThat(new Money(1250, "EUR").times(3)).isEqualTo(new Money(3750, "EUR"));
        assertThat(new Money(1250, "EUR").times(0)).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void an_amount_too_large_to_compute_is_refused_on_the_total_instead_of_wrapping_around() {
        Money huge = new Money(Long.MAX_VALUE / 2 + 1, "EUR");

        assertThatThrownBy(() -> huge.times(2))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("total", "is too large to compute")));
        assertThatThrownBy(() -> huge.plus(huge)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_negative_amount_and_an_unknown_currency_are_both_reported() {
        assertThatThrownBy(() -> new Money(-1, "XYZ"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("minorUnits", "currency"));
    }

    @Test
    void a_currency_must_be_an_upper_case_iso_code() {
        assertThatThrownBy(() -> new Money(1, "eur")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(InvalidInput.class);
        assertThat(new Money(1, "JPY").currency()).isEqualTo("JPY");
    }

    @Test
    void an_amount_is_formatted_with_the_currency_s_fraction_digits() {
        assertThat(new Money(1250, "EUR").format()).isEqualTo("EUR 12.50");
        assertThat(new Money(5, "USD").format()).isEqualTo("USD 0.05");
        assertThat(new Money(1250, "JPY").format()).isEqualTo("JPY 1250");
        assertThat(new Money(1250, "KWD").format()).isEqualTo("KWD 1.250");
    }
}
