package io.eventsuite.domain.user;

import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.aliceRegistration;
import static org.assertj.core.api.Assertions.assertThat;

class RegisteringUserTest {

    private final UserServiceTestKit kit = new UserServiceTestKit();

    @Test
    void a_new_user_is_stored_as_version_one_together_with_its_registered_event_in_one_write() {
        var result = kit.registering.register(aliceRegistration());

        User user = ((RegistrationResult.Registered) result).user();
        assertThat(user.version()).isEqualTo(1);
        assertThat(user.createdAt()).isEqualTo(MutableClock.DEFAULT_START).isEqualTo(user.updatedAt());
        assertThat(kit.users.writes()).singleElement().satisfies(write -> {
            assertThat(write.aggregate()).isEqualTo(user);
            assertThat(write.pending()).singleElement().extracting(EventEnvelope::data).isEqualTo(
                    new UserRegistered(ALICE, "Alice", new Email("alice@example.com"), NotificationPreferences.DEFAULT));
        });
    }

    @Test
    void the_registered_event_is_published_after_the_write_as_a_user_service_cloud_event() {
        kit.registering.register(aliceRegistration());

        assertThat(kit.publisher.published()).singleElement().satisfies(envelope -> {
            assertThat(envelope.source()).isEqualTo(EventSources.USERS);
            assertThat(envelope.type()).isEqualTo(UserRegistered.TYPE);
            assertThat(envelope.subject()).isEqualTo(ALICE.value());
            assertThat(envelope.id().value()).isEqualTo("evt-1");
            assertThat(envelope.time()).isEqualTo(MutableClock.DEFAULT_START);
        });
        assertThat(kit.publisher.published()).isEqualTo(kit.users.pendingEventsOf(ALICE));
    }

    @Test
    void registering_twice_answers_with_the_existing_user_and_emits_nothing_more() {
        kit.registering.register(aliceRegistration());
        kit.clock.advance(Duration.ofMinutes(5));

        var again = kit.registering.register(new RegisterUser(ALICE, "Other", new Email("x@example.com"), null));

        assertThat(again).isEqualTo(new RegistrationResult.AlreadyRegistered(alice(1)));
        assertThat(kit.publisher.published()).hasSize(1);
        assertThat(kit.users.writes()).hasSize(1);
    }

    @Test
    void a_failing_publisher_does_not_fail_the_registration_and_the_event_stays_pending_for_the_relay() {
        kit.publisher.failWith(new IllegalStateException("SNS is down"));

        var result = kit.registering.register(aliceRegistration());

        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        assertThat(kit.publisher.published()).isEmpty();
        assertThat(kit.users.pendingEventsOf(ALICE)).singleElement()
                .extracting(EventEnvelope::type).isEqualTo(UserRegistered.TYPE);
    }

    @Test
    void a_user_who_deleted_their_account_can_register_again_without_losing_the_pending_deletion_event() {
        kit.registering.register(aliceRegistration());
        kit.deleting.delete(alice(), ALICE);

        var result = kit.registering.register(aliceRegistration());

        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        assertThat(kit.users.pendingEventsOf(ALICE)).extracting(EventEnvelope::type)
                .containsExactly(UserRegistered.TYPE, "io.eventsuite.user.deleted.v1", UserRegistered.TYPE);
        assertThat(kit.users.findById(ALICE)).isPresent();
    }

    @Test
    void registering_again_after_deletion_continues_the_version_sequence_so_an_old_if_match_cannot_apply() {
        kit.registering.register(aliceRegistration());
        kit.deleting.delete(alice(), ALICE);

        var again = kit.registering.register(aliceRegistration());

        User user = ((RegistrationResult.Registered) again).user();
        assertThat(user.version()).as("1 registered, 2 erased, 3 registered again").isEqualTo(3);
        assertThat(kit.publisher.publishedOfType(UserRegistered.class)).last()
                .extracting(UserRegistered::version).isEqualTo(3L);
        assertThat(kit.updating.update(alice(), new UpdateUser(ALICE, 1, Optional.of("Stale"), null, null)))
                .isEqualTo(new UpdateResult.VersionConflict(3));
    }

    @Test
    void a_registration_that_loses_to_another_life_of_the_id_in_between_continues_after_that_one() {
        kit.registering.register(aliceRegistration());
        kit.deleting.delete(alice(), ALICE);
        // between reading the tombstone (version 2) and writing: registered again (3) and erased again (4)
        kit.users.beforeNextWrite(() -> {
            kit.registering.register(aliceRegistration());
            kit.deleting.delete(alice(), ALICE);
        });

        var result = kit.registering.register(aliceRegistration());

        assertThat(((RegistrationResult.Registered) result).user().version()).isEqualTo(5);
    }
}
