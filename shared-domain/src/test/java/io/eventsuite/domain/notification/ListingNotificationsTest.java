package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.user.NotificationPreferences;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.aliceAsRecipient;
import static io.eventsuite.domain.testing.Fixtures.anEnvelope;
import static io.eventsuite.domain.testing.Fixtures.anOrderPlacedFor;
import static io.eventsuite.domain.testing.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;

class ListingNotificationsTest {

    private final NotificationServiceTestKit kit = new NotificationServiceTestKit();

    @Test
    void a_user_lists_their_notifications_newest_first_a_page_at_a_time() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        for (int i = 1; i <= 3; i++) {
            kit.clock.advance(Duration.ofMinutes(1));
            kit.notifying.on(anEnvelope("evt-" + i, anOrderPlacedFor(ALICE, "o-" + i)));
        }

        Page<Notification> first = kit.listing.list(alice(), PageRequest.first(2));
        Page<Notification> rest = kit.listing.list(alice(), PageRequest.first(2).after(first.nextCursor().orElseThrow()));

        assertThat(first.items()).extracting(Notification::subject).containsExactly("Order o-3 placed", "Order o-2 placed");
        assertThat(rest.items()).extracting(Notification::subject).containsExactly("Order o-1 placed");
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void a_user_never_sees_another_user_s_notifications() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.notifying.on(anEnvelope("evt-1", anOrderPlacedFor(ALICE, "o-1")));

        assertThat(kit.listing.list(bob(), PageRequest.first()).items()).isEmpty();
    }
}
