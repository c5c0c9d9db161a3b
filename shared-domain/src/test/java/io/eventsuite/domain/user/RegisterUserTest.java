package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Violation;
import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterUserTest {

    private final Email email = new Email("alice@example.com");

    @Test
    void a_display_name_is_trimmed_and_preferences_default_to_everything() {
        RegisterUser command = new RegisterUser(ALICE, "  Alice  ", email, null);

        assertThat(command.displayName()).isEqualTo("Alice");
        assertThat(command.preferences()).isEqualTo(NotificationPreferences.DEFAULT);
    }

    @Test
    void all_violations_are_reported_with_their_field_names() {
        assertThatThrownBy(() -> new RegisterUser(ALICE, " ", null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("displayName", "must not be blank"),
                        new Violation("email", "is required")));
    }

    @Test
    void a_display_name_may_have_a_hundred_characters_counted_as_people_see_them() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100);

        assertThat(new RegisterUser(ALICE, hundredEmoji, email, null).displayName()).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> new RegisterUser(ALICE, "x".repeat(101), email, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("displayName", "must be at most 100 characters")));
    }

    @Test
    void a_display_name_with_a_line_break_is_refused_because_it_would_end_up_in_an_email_subject() {
        assertThatThrownBy(() -> new RegisterUser(ALICE, "Alice\r\nBcc: everyone@example.com", email, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("displayName", "must not contain control characters")));
    }
}
