package io.eventsuite.domain.user;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Violation;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateUserTest {

    @Test
    void an_update_that_changes_nothing_is_refused_on_the_body_together_with_a_bad_version() {
        assertThatThrownBy(() -> new UpdateUser(ALICE, 0, Optional.empty(), null, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("version", "must be 1 or more"),
                        new Violation("body", "must change at least one of displayName, email, preferences")));
    }

    @Test
    void a_new_display_name_follows_the_registration_rules() {
        assertThat(new UpdateUser(ALICE, 1, Optional.of(" Al "), null, null).displayName()).contains("Al");
        assertThatThrownBy(() -> new UpdateUser(ALICE, 1, Optional.of("  "), null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("displayName", "must not be blank")));
    }

    @Test
    void changing_only_the_preferences_is_an_update() {
        UpdateUser command = new UpdateUser(ALICE, 3, null, null,
                Optional.of(new NotificationPreferences(false, true)));

        assertThat(command.displayName()).isEmpty();
        assertThat(command.email()).isEmpty();
        assertThat(command.preferences()).contains(new NotificationPreferences(false, true));
    }
}
