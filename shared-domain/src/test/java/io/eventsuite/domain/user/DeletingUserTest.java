package io.eventsuite.domain.user;

import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.UserDeleted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anAdmin;
import static io.eventsuite.domain.testing.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeletingUserTest {

    private final UserServiceTestKit kit = new UserServiceTestKit();

    @Test
    void deleting_erases_the_user_and_keeps_the_deleted_event_and_the_erasure_s_version_in_the_tombstone() {
        kit.users.with(alice(4));

        var result = kit.deleting.delete(alice(), ALICE);

        assertThat(result).isEqualTo(new DeletionResult.Deleted());
        assertThat(kit.users.findById(ALICE)).isEmpty();
        assertThat(kit.users.isErased(ALICE)).isTrue();
        assertThat(kit.users.erasedVersion(ALICE)).hasValue(5);
        assertThat(kit.users.pendingEventsOf(ALICE)).singleElement()
                .extracting(EventEnvelope::data).isEqualTo(new UserDeleted(ALICE, 5));
        assertThat(kit.publisher.publishedOfType(UserDeleted.class)).containsExactly(new UserDeleted(ALICE, 5));
    }

    @Test
    void deleting_twice_is_not_found_the_second_time_and_emits_once() {
        kit.users.with(alice(1));
        kit.deleting.delete(alice(), ALICE);

        assertThat(kit.deleting.delete(alice(), ALICE)).isEqualTo(new DeletionResult.NotFound());
        assertThat(kit.publisher.published()).hasSize(1);
    }

    @Test
    void another_user_cannot_delete_an_account_and_learns_nothing_about_it() {
        kit.users.with(alice(1));

        assertThat(kit.deleting.delete(bob(), ALICE)).isEqualTo(new DeletionResult.NotFound());
        assertThat(kit.users.findById(ALICE)).isPresent();
    }

    @Test
    void an_administrator_may_delete_any_account() {
        kit.users.with(alice(1));

        assertThat(kit.deleting.delete(anAdmin(), ALICE)).isEqualTo(new DeletionResult.Deleted());
    }

    @Test
    void a_deletion_that_loses_a_race_with_an_update_is_retried_once_and_succeeds() {
        kit.users.with(alice(1));
        kit.users.beforeNextWrite(() -> kit.users.replace(alice(2), 1, List.of()));

        assertThat(kit.deleting.delete(alice(), ALICE)).isEqualTo(new DeletionResult.Deleted());
        assertThat(kit.users.writes()).extracting(write -> write.operation()).containsExactly("replace", "erase");
    }

    @Test
    void a_deletion_that_loses_a_race_with_another_deletion_is_not_found() {
        kit.users.with(alice(1));
        kit.users.beforeNextWrite(() -> kit.users.erase(ALICE, 1, List.of()));

        assertThat(kit.deleting.delete(alice(), ALICE)).isEqualTo(new DeletionResult.NotFound());
        assertThat(kit.publisher.published()).isEmpty();
    }

    @Test
    void a_deletion_that_keeps_losing_races_gives_up_rather_than_loop() {
        kit.users.with(alice(1));
        kit.users.beforeNextWrite(() -> kit.users.replace(alice(2), 1, List.of()));
        kit.users.beforeNextWrite(() -> kit.users.replace(alice(3), 2, List.of()));

        assertThatThrownBy(() -> kit.deleting.delete(alice(), ALICE)).isInstanceOf(IllegalStateException.class);
        assertThat(kit.users.findById(ALICE)).contains(alice(3));
    }
}
