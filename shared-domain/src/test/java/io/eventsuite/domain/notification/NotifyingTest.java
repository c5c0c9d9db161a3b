package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.testing.CapturingNotificationChannel.DeliveryFailed;
import io.eventsuite.domain.user.NotificationPreferences;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.BOB;
import static io.eventsuite.domain.testing.Fixtures.aliceAsRecipient;
import static io.eventsuite.domain.testing.Fixtures.anEnvelope;
import static io.eventsuite.domain.testing.Fixtures.anOrderPlacedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyingTest {

    private final NotificationServiceTestKit kit = new NotificationServiceTestKit();
    private final EventEnvelope orderPlaced = anEnvelope("evt-1", anOrderPlacedFor(ALICE, "o-1"));
    private final NotificationId expectedId = NotificationId.of(new EventId("evt-1"));

    @Test
    void an_order_placed_sends_a_confirmation_to_the_customer_and_records_it_as_sent() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));

        var result = kit.notifying.on(orderPlaced);

        assertThat(result).isEqualTo(new NotifyResult.Sent(expectedId));
        assertThat(kit.channel.sent()).singleElement().satisfies(message -> {
            assertThat(message.to().value()).isEqualTo("alice@example.com");
            assertThat(message.subject()).isEqualTo("Order o-1 placed");
            assertThat(message.id()).isEqualTo(expectedId);
        });
        assertThat(kit.notifications.findById(expectedId)).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(n.kind()).isEqualTo(NotificationKind.ORDER_PLACED);
            assertThat(n.causedBy()).isEqualTo(new EventId("evt-1"));
            assertThat(n.recipientId()).isEqualTo(ALICE);
        });
    }

    @Test
    void the_same_event_handled_three_times_gives_exactly_one_notification() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));

        List<NotifyResult> results = new ArrayList<>();
        for (int delivery = 0; delivery < 3; delivery++) {
            results.add(kit.notifying.on(orderPlaced));
        }

        assertThat(results).containsExactly(new NotifyResult.Sent(expectedId),
                new NotifyResult.AlreadySent(expectedId), new NotifyResult.AlreadySent(expectedId));
        assertThat(kit.channel.sent()).hasSize(1);
        assertThat(kit.notifications.all()).hasSize(1);
    }

    @Test
    void a_failed_delivery_is_retried_with_the_redelivered_event_and_then_sent_once() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.channel.failNext(2);

        assertThatThrownBy(() -> kit.notifying.on(orderPlaced)).isInstanceOf(DeliveryFailed.class);
        assertThatThrownBy(() -> kit.notifying.on(orderPlaced)).isInstanceOf(DeliveryFailed.class);
        assertThat(kit.notifications.findById(expectedId).orElseThrow().status()).isEqualTo(NotificationStatus.PENDING);

        assertThat(kit.notifying.on(orderPlaced)).isEqualTo(new NotifyResult.Sent(expectedId));
        assertThat(kit.notifying.on(orderPlaced)).isEqualTo(new NotifyResult.AlreadySent(expectedId));
        assertThat(kit.channel.sent()).hasSize(1);
        assertThat(kit.channel.attempts()).isEqualTo(3);
    }

    @Test
    void an_order_notification_is_suppressed_when_the_customer_wants_no_order_updates() {
        kit.recipients.with(aliceAsRecipient(new NotificationPreferences(false, true)));

        var result = kit.notifying.on(anEnvelope("evt-2", new OrderCancelled(new OrderId("o-1"), ALICE, "why not")));

        assertThat(result).isInstanceOf(NotifyResult.Suppressed.class);
        assertThat(kit.channel.attempts()).isZero();
        assertThat(kit.notifications.all()).isEmpty();
    }

    @Test
    void a_welcome_is_suppressed_when_the_user_wants_no_account_updates_but_orders_still_notify() {
        var registered = new UserRegistered(ALICE, "Alice", aliceAsRecipient(NotificationPreferences.DEFAULT).email(),
                new NotificationPreferences(true, false));

        assertThat(kit.notifying.on(anEnvelope("evt-3", registered))).isInstanceOf(NotifyResult.Suppressed.class);
        assertThat(kit.notifying.on(orderPlaced)).isInstanceOf(NotifyResult.Sent.class);
        assertThat(kit.channel.sent()).extracting(OutgoingMessage::subject).containsExactly("Order o-1 placed");
    }

    @Test
    void a_registration_projects_its_recipient_before_sending_the_welcome() {
        var registered = new UserRegistered(ALICE, "Alice", aliceAsRecipient(NotificationPreferences.DEFAULT).email(),
                NotificationPreferences.DEFAULT);

        var result = kit.notifying.on(anEnvelope("evt-4", registered));

        assertThat(result).isInstanceOf(NotifyResult.Sent.class);
        assertThat(kit.recipients.findById(ALICE)).hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(1));
        assertThat(kit.channel.sent()).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Welcome to EventSuite, Alice"));
    }

    @Test
    void an_order_for_a_customer_not_yet_projected_is_recipient_unknown_so_it_is_retried_later() {
        var result = kit.notifying.on(anEnvelope("evt-5", anOrderPlacedFor(BOB, "o-9")));

        assertThat(result).isEqualTo(new NotifyResult.RecipientUnknown(BOB));
        assertThat(kit.notifications.all()).isEmpty();
        assertThat(kit.channel.attempts()).isZero();
    }

    @Test
    void a_notification_left_pending_by_a_crash_is_sent_when_the_event_comes_again() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.notifications.with(new Notification(expectedId, ALICE, new EventId("evt-1"), NotificationKind.ORDER_PLACED,
                "Order o-1 placed", "rendered before the crash", NotificationStatus.PENDING, kit.clock.instant()));

        assertThat(kit.notifying.on(orderPlaced)).isEqualTo(new NotifyResult.Sent(expectedId));
        assertThat(kit.channel.sent()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("rendered before the crash"));
    }

    @Test
    void events_that_notify_nobody_are_suppressed() {
        assertThat(kit.notifying.on(anEnvelope("evt-6", new UserDeleted(ALICE, 2))))
                .isInstanceOf(NotifyResult.Suppressed.class);
    }

    @Test
    void an_order_for_an_erased_customer_is_suppressed_rather_than_retried_until_the_dlq() {
        kit.recipients.eraseIfNewer(ALICE, 2);

        var result = kit.notifying.on(orderPlaced);

        assertThat(result).isEqualTo(new NotifyResult.Suppressed("the recipient was erased"));
        assertThat(kit.channel.attempts()).isZero();
        assertThat(kit.notifications.all()).isEmpty();
    }

    @Test
    void a_notification_left_pending_before_the_erasure_is_withdrawn_when_its_event_comes_again() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        kit.channel.failNext(1);
        assertThatThrownBy(() -> kit.notifying.on(orderPlaced)).isInstanceOf(DeliveryFailed.class);
        kit.recipients.eraseIfNewer(ALICE, 2);

        var redelivered = kit.notifying.on(orderPlaced);

        assertThat(redelivered).isEqualTo(new NotifyResult.Suppressed("the recipient was erased"));
        assertThat(kit.notifications.all()).isEmpty();
        assertThat(kit.channel.sent()).isEmpty();
    }

    @Test
    void a_purge_that_runs_between_reading_the_recipient_and_storing_the_notification_wins_nothing_is_sent_or_kept() {
        kit.recipients.with(aliceAsRecipient(NotificationPreferences.DEFAULT));
        Notifications purgedJustBeforeTheWrite = new PurgeBeforeAdd(kit.notifications,
                () -> kit.purging.on(new UserDeleted(ALICE, 2)));
        Notifying notifying = new Notifying(purgedJustBeforeTheWrite, kit.recipients, kit.channel,
                new NotificationTemplates(), kit.clock);

        var result = notifying.on(orderPlaced);

        assertThat(result).isEqualTo(new NotifyResult.Suppressed("the recipient was erased"));
        assertThat(kit.channel.attempts()).isZero();
        assertThat(kit.notifications.all()).as("the purge's passes came before this write").isEmpty();
    }

    /**
     * A purge that runs to its end between the sender's read of the recipient and its write of the notification
     * (a sender stalled by GC or SDK retries), so neither of the purge's passes can see that write.
     */
    private record PurgeBeforeAdd(Notifications delegate, Runnable purge) implements Notifications {

        @Override
        public boolean addPending(Notification notification) {
            purge.run();
            return delegate.addPending(notification);
        }

        @Override
        public Optional<Notification> findById(NotificationId id) {
            return delegate.findById(id);
        }

        @Override
        public void delete(NotificationId id) {
            delegate.delete(id);
        }

        @Override
        public void markSent(NotificationId id) {
            delegate.markSent(id);
        }

        @Override
        public Page<Notification> findByRecipient(UserId recipientId, PageRequest page) {
            return delegate.findByRecipient(recipientId, page);
        }

        @Override
        public int deleteByRecipient(UserId recipientId) {
            return delegate.deleteByRecipient(recipientId);
        }
    }
}
