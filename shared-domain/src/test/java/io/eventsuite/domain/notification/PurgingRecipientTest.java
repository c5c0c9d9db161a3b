package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.event.UserDeleted;
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

    @Test
    void a_deleted_user_s_notifications_and_projection_are_erased_and_a_second_purge_finds_nothing() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.notifying.on(anEnvelope("evt-1", anOrderPlacedFor(ALICE, "o-1")));
        kit.notifying.on(anEnvelope("evt-2", anOrderPlacedFor(ALICE, "o-2")));

        int first = kit.purging.on(new UserDeleted(ALICE));
        int second = kit.purging.on(new UserDeleted(ALICE));

        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(kit.recipients.findById(ALICE)).isEmpty();
        assertThat(kit.notifications.findByRecipient(ALICE, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void purging_one_user_leaves_other_users_alone() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.notifying.on(anEnvelope("evt-1", anOrderPlacedFor(ALICE, "o-1")));

        kit.purging.on(new UserDeleted(BOB));

        assertThat(kit.recipients.findById(ALICE)).isPresent();
        assertThat(kit.notifications.all()).hasSize(1);
    }
}
