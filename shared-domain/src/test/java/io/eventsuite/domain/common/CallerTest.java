package io.eventsuite.domain.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    private final UserId alice = new UserId("alice");
    private final UserId bob = new UserId("bob");

    @Test
    void a_user_may_access_their_own_resources_but_not_another_user_s() {
        assertThat(Caller.user(alice).mayAccess(alice)).isTrue();
        assertThat(Caller.user(alice).mayAccess(bob)).isFalse();
    }

    @Test
    void an_administrator_may_access_everyone_s_resources() {
        assertThat(Caller.admin(alice).mayAccess(bob)).isTrue();
    }

    @Test
    void a_caller_owns_the_address_their_token_verified_whatever_the_case_of_its_letters() {
        Caller verified = Caller.user(alice).withVerifiedEmail(new Email("Alice@example.com"));

        assertThat(verified.ownAddress(new Email("alice@EXAMPLE.com"))).isEqualTo(new Email("Alice@example.com"));
    }

    @Test
    void another_address_or_none_verified_is_refused() {
        Caller verified = Caller.user(alice).withVerifiedEmail(new Email("alice@example.com"));

        assertThatThrownBy(() -> verified.ownAddress(new Email("victim@example.com")))
                .isInstanceOf(UnverifiedEmail.class).hasMessageNotContaining("victim");
        assertThatThrownBy(() -> Caller.user(alice).ownAddress(new Email("alice@example.com")))
                .isInstanceOf(UnverifiedEmail.class).hasMessageContaining("no verified email");
    }
}
