package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.user.NotificationPreferences;
import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectingRecipientsTest {

    private final NotificationServiceTestKit kit = new NotificationServiceTestKit();
    private final Email first = new Email("alice@example.com");
    private final Email second = new Email("alice@wonderland.example");

    @Test
    void a_registration_becomes_a_recipient_at_version_one() {
        kit.projecting.on(new UserRegistered(ALICE, "Alice", first, NotificationPreferences.DEFAULT));

        assertThat(kit.recipients.findById(ALICE))
                .contains(new Recipient(ALICE, "Alice", first, NotificationPreferences.DEFAULT, 1));
    }

    @Test
    void an_update_replaces_the_recipient_with_the_new_state() {
        kit.projecting.on(new UserRegistered(ALICE, "Alice", first, NotificationPreferences.DEFAULT));

        boolean applied = kit.projecting.on(new UserUpdated(ALICE, 2, "Al", second, new NotificationPreferences(false, true)));

        assertThat(applied).isTrue();
        assertThat(kit.recipients.findById(ALICE).orElseThrow().email()).isEqualTo(second);
    }

    @Test
    void an_older_event_arriving_late_does_not_overwrite_a_newer_state() {
        kit.projecting.on(new UserUpdated(ALICE, 3, "Al", second, NotificationPreferences.DEFAULT));

        boolean staleUpdate = kit.projecting.on(new UserUpdated(ALICE, 2, "Old", first, NotificationPreferences.DEFAULT));
        boolean lateRegistration = kit.projecting.on(
                new UserRegistered(ALICE, "Alice", first, NotificationPreferences.DEFAULT));

        assertThat(staleUpdate).isFalse();
        assertThat(lateRegistration).isFalse();
        assertThat(kit.recipients.findById(ALICE).orElseThrow().version()).isEqualTo(3);
    }
}
