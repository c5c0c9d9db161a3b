package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UnverifiedEmail;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anAdmin;
import static io.eventsuite.domain.testing.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdatingUserTest {

    private final UserServiceTestKit kit = new UserServiceTestKit();

    private static UpdateUser renameAliceAt(long expectedVersion) {
        return new UpdateUser(ALICE, expectedVersion, Optional.of("Alice Liddell"), Optional.empty(), Optional.empty());
    }

    @Test
    void an_update_on_the_current_version_stores_the_next_version_with_an_event_carrying_the_whole_new_state() {
        kit.users.with(alice(1));
        Instant later = kit.clock.advance(Duration.ofHours(1));

        var result = kit.updating.update(alice().withVerifiedEmail(new Email("alice@wonderland.example")),
                new UpdateUser(ALICE, 1, Optional.empty(), Optional.of(new Email("alice@wonderland.example")),
                        Optional.empty()));

        User updated = ((UpdateResult.Updated) result).user();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.displayName()).isEqualTo("Alice");
        assertThat(updated.email()).isEqualTo(new Email("alice@wonderland.example"));
        assertThat(updated.createdAt()).isEqualTo(MutableClock.DEFAULT_START);
        assertThat(updated.updatedAt()).isEqualTo(later);
        assertThat(kit.users.writes()).singleElement().satisfies(write -> {
            assertThat(write.aggregate()).isEqualTo(updated);
            assertThat(write.pending()).singleElement().extracting(EventEnvelope::data).isEqualTo(new UserUpdated(
                    ALICE, 2, "Alice", new Email("alice@wonderland.example"), NotificationPreferences.DEFAULT));
        });
        assertThat(kit.publisher.publishedOfType(UserUpdated.class)).hasSize(1);
    }

    @Test
    void an_update_made_on_a_stale_version_is_a_conflict_and_changes_nothing() {
        kit.users.with(alice(3));

        var result = kit.updating.update(alice(), renameAliceAt(2));

        assertThat(result).isEqualTo(new UpdateResult.VersionConflict(3));
        assertThat(kit.users.findById(ALICE)).contains(alice(3));
        assertThat(kit.publisher.published()).isEmpty();
    }

    @Test
    void an_update_that_loses_the_race_to_a_concurrent_one_is_a_conflict_naming_the_winner_s_version() {
        kit.users.with(alice(1));
        kit.users.beforeNextWrite(() -> kit.users.replace(alice(2), 1, java.util.List.of()));

        var result = kit.updating.update(alice(), renameAliceAt(1));

        assertThat(result).isEqualTo(new UpdateResult.VersionConflict(2));
        assertThat(kit.users.findById(ALICE).orElseThrow().displayName()).isEqualTo("Alice");
        assertThat(kit.publisher.published()).isEmpty();
    }

    @Test
    void another_user_s_account_reads_as_not_found_and_is_left_alone() {
        kit.users.with(alice(1));

        assertThat(kit.updating.update(bob(), renameAliceAt(1))).isEqualTo(new UpdateResult.NotFound());
        assertThat(kit.users.writes()).isEmpty();
    }

    @Test
    void an_administrator_may_update_any_user() {
        kit.users.with(alice(1));

        assertThat(kit.updating.update(anAdmin(), renameAliceAt(1))).isInstanceOf(UpdateResult.Updated.class);
    }

    @Test
    void updating_a_user_that_does_not_exist_is_not_found() {
        assertThat(kit.updating.update(alice(), renameAliceAt(1))).isEqualTo(new UpdateResult.NotFound());
    }

    @Test
    void an_update_retried_after_its_answer_was_lost_is_answered_with_the_user_it_made_not_a_conflict() {
        kit.users.with(alice(1));
        User first = ((UpdateResult.Updated) kit.updating.update(alice(), renameAliceAt(1))).user();

        var retry = kit.updating.update(alice(), renameAliceAt(1));

        assertThat(retry).isEqualTo(new UpdateResult.Updated(first));
        assertThat(kit.users.writes()).hasSize(1);
        assertThat(kit.publisher.publishedOfType(UserUpdated.class)).hasSize(1);
    }

    @Test
    void a_stale_update_is_still_a_conflict_when_it_would_change_something_or_more_has_happened_since() {
        kit.users.with(alice(1));
        kit.updating.update(alice(), renameAliceAt(1));

        var otherChange = kit.updating.update(alice(), new UpdateUser(ALICE, 1, Optional.of("Alice Pleasance"),
                Optional.empty(), Optional.empty()));
        assertThat(otherChange).isEqualTo(new UpdateResult.VersionConflict(2));

        kit.updating.update(alice().withVerifiedEmail(new Email("alice@wonderland.example")), new UpdateUser(ALICE, 2,
                Optional.empty(), Optional.of(new Email("alice@wonderland.example")), Optional.empty()));
        assertThat(kit.updating.update(alice(), renameAliceAt(1))).isEqualTo(new UpdateResult.VersionConflict(3));
    }

    @Test
    void an_address_the_caller_has_not_verified_is_refused_and_nothing_is_written() {
        kit.users.with(alice(1));
        var toAStranger = new UpdateUser(ALICE, 1, Optional.empty(), Optional.of(new Email("victim@example.com")),
                Optional.empty());

        assertThatThrownBy(() -> kit.updating.update(alice().withVerifiedEmail(new Email("alice@example.com")),
                toAStranger)).isInstanceOf(UnverifiedEmail.class);
        assertThatThrownBy(() -> kit.updating.update(alice(), toAStranger)).isInstanceOf(UnverifiedEmail.class);
        assertThat(kit.users.writes()).isEmpty();
        assertThat(kit.publisher.published()).isEmpty();
    }

    @Test
    void a_stranger_changing_an_address_still_learns_only_not_found() {
        kit.users.with(alice(1));

        assertThat(kit.updating.update(bob(), new UpdateUser(ALICE, 1, Optional.empty(),
                Optional.of(new Email("bob@example.com")), Optional.empty()))).isEqualTo(new UpdateResult.NotFound());
    }
}
