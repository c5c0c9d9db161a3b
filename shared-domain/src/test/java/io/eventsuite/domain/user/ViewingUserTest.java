package io.eventsuite.domain.user;

import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anAdmin;
import static io.eventsuite.domain.testing.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;

class ViewingUserTest {

    private final UserServiceTestKit kit = new UserServiceTestKit();

    @Test
    void a_user_sees_themselves() {
        kit.users.with(alice(1));

        assertThat(kit.viewing.view(alice(), ALICE)).contains(alice(1));
    }

    @Test
    void another_user_reads_as_absent_so_ids_cannot_be_probed() {
        kit.users.with(alice(1));

        assertThat(kit.viewing.view(bob(), ALICE)).isEmpty();
    }

    @Test
    void an_administrator_may_read_any_user() {
        kit.users.with(alice(1));

        assertThat(kit.viewing.view(anAdmin(), ALICE)).contains(alice(1));
    }
}
