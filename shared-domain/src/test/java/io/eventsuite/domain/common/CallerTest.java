package io.eventsuite.domain.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
