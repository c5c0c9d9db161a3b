package io.eventsuite.domain.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViolationsTest {

    @Test
    void every_violation_is_reported_at_once_in_the_order_found() {
        Violations v = new Violations();
        v.check(false, "displayName", "must not be blank");
        v.check(true, "ignored", "never recorded");
        v.check(false, "email", "is required");

        assertThatThrownBy(v::throwIfAny)
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("displayName", "must not be blank"), new Violation("email", "is required")))
                .hasMessageContaining("displayName: must not be blank; email: is required");
    }

    @Test
    void a_single_valued_object_s_violations_are_filed_under_the_field_it_was_read_from() {
        Violations v = new Violations();

        Email email = v.attempt("contact", () -> new Email("nope"));

        assertThat(email).isNull();
        assertThat(v.list()).containsExactly(new Violation("contact", "must look like name@example.com"));
    }

    @Test
    void a_composite_object_s_violations_are_filed_below_its_path() {
        Violations v = new Violations();

        Money price = v.nested("lines[1].unitPrice", () -> new Money(-5, "EUR"));

        assertThat(price).isNull();
        assertThat(v.list()).containsExactly(new Violation("lines[1].unitPrice.minorUnits", "must be zero or more"));
    }
}
