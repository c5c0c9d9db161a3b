package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.user.NotificationPreferences;
import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aliceAsRecipient;
import static io.eventsuite.domain.testing.Fixtures.anOrderPlacedFor;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationTemplatesTest {

    private final NotificationTemplates templates = new NotificationTemplates();
    private final Recipient alice = aliceAsRecipient(NotificationPreferences.DEFAULT);

    @Test
    void a_welcome_greets_the_recipient_by_name() {
        var message = templates.render(new UserRegistered(ALICE, "Alice", alice.email(), alice.preferences()), alice)
                .orElseThrow();

        assertThat(message.kind()).isEqualTo(NotificationKind.WELCOME);
        assertThat(message.subject()).isEqualTo("Welcome to EventSuite, Alice");
        assertThat(message.body()).startsWith("Hello Alice,");
    }

    @Test
    void an_order_confirmation_lists_the_lines_and_the_total_in_major_units() {
        var message = templates.render(anOrderPlacedFor(ALICE, "o-7"), alice).orElseThrow();

        assertThat(message.kind()).isEqualTo(NotificationKind.ORDER_PLACED);
        assertThat(message.subject()).isEqualTo("Order o-7 placed");
        assertThat(message.body())
                .contains("2 x BOOK-1 at EUR 12.50 = EUR 25.00")
                .contains("1 x PEN-7 at EUR 1.99 = EUR 1.99")
                .contains("Total: EUR 26.99");
    }

    @Test
    void a_cancellation_notice_gives_the_reason() {
        var message = templates.render(new OrderCancelled(new OrderId("o-7"), ALICE, "customer account deleted"), alice)
                .orElseThrow();

        assertThat(message.kind()).isEqualTo(NotificationKind.ORDER_CANCELLED);
        assertThat(message.subject()).isEqualTo("Order o-7 cancelled");
        assertThat(message.body()).contains("Reason: customer account deleted");
    }

    @Test
    void a_user_deletion_renders_no_message() {
        assertThat(templates.render(new UserDeleted(ALICE, 2), alice)).isEmpty();
    }
}
