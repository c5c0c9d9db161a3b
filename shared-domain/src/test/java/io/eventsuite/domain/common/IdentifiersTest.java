package io.eventsuite.domain.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @Test
    void a_cognito_sub_or_a_uuid_is_a_valid_id_and_prints_as_itself() {
        assertThat(new UserId("0f6c1a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b").toString())
                .isEqualTo("0f6c1a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(new OrderId("ord_42")).hasToString("ord_42");
        assertThat(new EventId("a".repeat(128)).value()).hasSize(128);
    }

    @Test
    void a_blank_id_is_refused() {
        assertThat(Arrays.asList(null, "", "   ")).allSatisfy(blank -> assertThatThrownBy(() -> new OrderId(blank))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("orderId", "must not be blank"))));
    }

    @Test
    void an_id_with_characters_outside_the_safe_set_is_refused() {
        assertThat(List.of("a/b", "../etc", "a b", "x#1", "é")).allSatisfy(unsafe ->
                assertThatThrownBy(() -> new UserId(unsafe))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).containsExactly(
                                new Violation("userId", "may contain only letters, digits, '_' and '-'"))));
    }

    @Test
    void an_id_longer_than_128_characters_is_refused() {
        assertThatThrownBy(() -> new NotificationId("n".repeat(129)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("notificationId", "must be at most 128 characters")));
    }

    @Test
    void a_notification_id_is_derived_from_the_event_id_so_one_event_gives_one_notification() {
        EventId event = new EventId("3f1c9d1e-0000-4000-8000-000000000001");

        assertThat(NotificationId.of(event)).isEqualTo(NotificationId.of(new EventId(event.value())));
        assertThat(NotificationId.of(event).value()).isEqualTo("ntf-3f1c9d1e-0000-4000-8000-000000000001");
        assertThat(NotificationId.of(new EventId("other"))).isNotEqualTo(NotificationId.of(event));
    }

    @Test
    void a_very_long_event_id_still_gives_a_valid_and_stable_notification_id() {
        EventId longest = new EventId("e".repeat(128));
        EventId almost = new EventId("e".repeat(127) + "f");

        assertThat(NotificationId.of(longest).value()).startsWith("ntf-").hasSizeLessThanOrEqualTo(128);
        assertThat(NotificationId.of(longest)).isEqualTo(NotificationId.of(new EventId("e".repeat(128))));
        assertThat(NotificationId.of(longest)).isNotEqualTo(NotificationId.of(almost));
    }
}
