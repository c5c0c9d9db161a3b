package io.eventsuite.domain.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailTest {

    @Test
    void an_email_is_trimmed_and_its_domain_lower_cased_but_not_its_local_part() {
        assertThat(new Email("  Alice.Smith@Example.COM \n").value()).isEqualTo("Alice.Smith@example.com");
    }

    @Test
    void a_malformed_email_is_refused_on_the_email_field() {
        assertThat(List.of("alice", "@example.com", "alice@", "alice@example", "alice@@example.com",
                "a@b@example.com", "alice smith@example.com", "alice@.com", "alice@example.")).allSatisfy(malformed ->
                assertThatThrownBy(() -> new Email(malformed))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                                .containsExactly(new Violation("email", "must look like name@example.com"))));
    }

    @Test
    void an_email_of_254_characters_is_accepted_and_one_of_255_or_none_at_all_refused() {
        String domain = "@example.com";
        assertThat(new Email("a".repeat(254 - domain.length()) + domain).value()).hasSize(254);
        assertThatThrownBy(() -> new Email("a".repeat(255 - domain.length()) + domain))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(Violation::message).containsExactly("must be at most 254 characters"));
        assertThatThrownBy(() -> new Email(null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("email", "must not be blank")));
    }

    @Test
    void an_email_does_not_leak_into_logs_through_to_string() {
        Email email = new Email("alice@example.com");

        assertThat(email.toString()).doesNotContain("alice").endsWith("@example.com");
    }
}
