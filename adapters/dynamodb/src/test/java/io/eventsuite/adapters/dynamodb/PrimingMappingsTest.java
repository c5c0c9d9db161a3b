package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.NotificationKind;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RecipientState;
import io.eventsuite.domain.notification.RenderedMessage;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.domain.user.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Priming maps through the real item mapping, both ways: what it reads back is the order it wrote out. */
class PrimingMappingsTest {

    @Test
    void anOrderMappedToItsItemAndBackIsTheSameOrder() {
        Order sample = aPlacedOrder("snapstart-priming", ALICE, Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(PrimingMappings.order(sample)).isEqualTo(sample);
    }

    @Test
    void aUserMappedToItsItemAndBackIsTheSameUser() {
        User sample = alice(2);

        assertThat(PrimingMappings.user(sample)).isEqualTo(sample);
    }

    @Test
    void aRecipientAndANotificationMappedToTheirItemsAndBackAreTheSame() {
        Recipient recipient = new Recipient(ALICE, "Alice", new Email("alice@example.com"),
                NotificationPreferences.DEFAULT, 3);
        Notification notification = Notification.pending(new EventId("evt-1"), ALICE,
                new RenderedMessage(NotificationKind.WELCOME, "Welcome", "Hello"),
                Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(PrimingMappings.recipient(recipient)).isEqualTo(new RecipientState.Known(recipient));
        assertThat(PrimingMappings.notification(notification)).isEqualTo(notification);
    }
}
