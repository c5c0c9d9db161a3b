package io.eventsuite.domain.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void without_parameters_a_page_holds_twenty_items_from_the_start() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(20, Optional.empty()));
        assertThat(PageRequest.of(null, "  ").cursor()).isEmpty();
    }

    @Test
    void a_limit_outside_one_to_a_hundred_is_refused_on_the_limit_field() {
        assertThat(PageRequest.of(100, null).limit()).isEqualTo(100);
        assertThat(List.of(0, -1, 101)).allSatisfy(limit -> assertThatThrownBy(() -> PageRequest.of(limit, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("limit", "must be between 1 and 100"))));
    }

    @Test
    void an_absurdly_long_cursor_is_refused_before_it_reaches_storage() {
        assertThatThrownBy(() -> PageRequest.of(10, "c".repeat(2049)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("cursor"));
    }

    @Test
    void the_next_request_keeps_the_size_and_continues_after_the_cursor() {
        assertThat(PageRequest.first(5).after("abc")).isEqualTo(new PageRequest(5, Optional.of("abc")));
    }
}
