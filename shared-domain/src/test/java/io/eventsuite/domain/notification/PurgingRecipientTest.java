package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.user.NotificationPreferences;
import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.BOB;
import static io.eventsuite.domain.testing.Fixtures.aliceAsRecipient;
import static io.eventsuite.domain.testing.Fixtures.anEnvelope;
import static io.eventsuite.domain.testing.Fixtures.anOrderPlacedFor;
import static org.assertj.core.api.Assertions.assertThat;

class PurgingRecipientTest {

    private final NotificationServiceTestKit kit = new NotificationServiceTestKit();
    private final UserRegistered registered =
            new UserRegistered(ALICE, "Alice", new Email("alice@example.com"), NotificationPreferences.DEFAULT);

    @Test
    void a_deleted_user_s_notifications_go_the_projection_becomes_a_tombstone_and_a_second_purge_finds_nothing() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.notifying.on(anEnvelope("evt-1", anOrderPlacedFor(ALICE, "o-1")));
        kit.notifying.on(anEnvelope("evt-2", anOrderPlacedFor(ALICE, "o-2")));

        int first = kit.purging.on(new UserDeleted(ALICE, 2));
        int second = kit.purging.on(new UserDeleted(ALICE, 2));

        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(kit.recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 2));
        assertThat(kit.notifications.findByRecipient(ALICE, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void purging_one_user_leaves_other_users_alone() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.notifying.on(anEnvelope("evt-1", anOrderPlacedFor(ALICE, "o-1")));

        kit.purging.on(new UserDeleted(BOB, 2));

        assertThat(kit.recipients.findById(ALICE)).isPresent();
        assertThat(kit.notifications.all()).hasSize(1);
    }

    @Test
    void an_update_relayed_after_the_deletion_does_not_bring_the_recipient_back() {
        kit.notifying.on(anEnvelope("evt-1", registered));
        kit.purging.on(new UserDeleted(ALICE, 3));

        boolean projected = kit.projecting.on(
                new UserUpdated(ALICE, 2, "Al", new Email("al@example.com"), NotificationPreferences.DEFAULT));

        assertThat(projected).isFalse();
        assertThat(kit.recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 3));
    }

    @Test
    void a_registration_redelivered_after_the_purge_sends_no_second_welcome_and_projects_nothing() {
        kit.notifying.on(anEnvelope("evt-1", registered));
        kit.purging.on(new UserDeleted(ALICE, 2));

        NotifyResult redelivered = kit.notifying.on(anEnvelope("evt-1", registered));

        assertThat(redelivered).isEqualTo(new NotifyResult.Suppressed("the recipient was erased"));
        assertThat(kit.channel.sent()).hasSize(1);
        assertThat(kit.recipients.findById(ALICE)).isEmpty();
        assertThat(kit.notifications.all()).isEmpty();
    }

    @Test
    void a_notification_written_just_before_the_deletion_is_purged_although_the_index_did_not_list_it_yet() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.notifying.on(anEnvelope("evt-1", anOrderPlacedFor(ALICE, "o-1")));
        kit.notifying.on(anEnvelope("evt-2", anOrderPlacedFor(ALICE, "o-2")));
        kit.notifications.index().lagBehind(NotificationId.of(new EventId("evt-2")));

        int purged = kit.purging.on(new UserDeleted(ALICE, 2));

        assertThat(purged).isEqualTo(2);
        assertThat(kit.notifications.all()).isEmpty();
        assertThat(kit.notifications.index().waits()).as("the second pass waited for the index").isEqualTo(1);
    }
}
