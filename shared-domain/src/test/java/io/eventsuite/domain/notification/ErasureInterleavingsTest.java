package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.user.NotificationPreferences;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.anEnvelope;
import static io.eventsuite.domain.testing.Fixtures.anOrderPlacedFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order in which the notification service's three consumers can see one user's life, each event delivered
 * twice (SQS delivers at least once; the redelivery may come long after the purge): sendNotifications gets
 * {@code UserRegistered} and an {@code OrderPlaced}, projectRecipients a {@code UserUpdated} relayed from the outbox,
 * purgeRecipient the {@code UserDeleted}. Whatever the order, nothing is sent once the purge has run, nothing
 * personal of the erased life is in the projection after it, and no notification of the user is left.
 */
class ErasureInterleavingsTest {

    private static final Email REGISTERED_EMAIL = new Email("alice@example.com");
    private static final Email UPDATED_EMAIL = new Email("al@example.com");
    private static final Email NEW_LIFE_EMAIL = new Email("alice.again@example.com");
    private static final Set<Email> ERASED_LIFE = Set.of(REGISTERED_EMAIL, UPDATED_EMAIL);

    private static final EventEnvelope REGISTERED = anEnvelope("evt-registered",
            new UserRegistered(ALICE, 1, "Alice", REGISTERED_EMAIL, NotificationPreferences.DEFAULT));
    private static final UserUpdated UPDATED =
            new UserUpdated(ALICE, 2, "Al", UPDATED_EMAIL, NotificationPreferences.DEFAULT);
    private static final EventEnvelope ORDER_PLACED = anEnvelope("evt-order", anOrderPlacedFor(ALICE, "o-1"));
    private static final UserDeleted DELETED = new UserDeleted(ALICE, 3);
    private static final EventEnvelope REGISTERED_AGAIN = anEnvelope("evt-registered-again",
            new UserRegistered(ALICE, 4, "Alice", NEW_LIFE_EMAIL, NotificationPreferences.DEFAULT));

    /** One delivery of an event to the consumer that subscribes to it. */
    private record Delivery(String name, Consumer<NotificationServiceTestKit> handle) {
        boolean isPurge() {
            return name.equals("purgeRecipient(UserDeleted)");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Delivery WELCOME = new Delivery("sendNotifications(UserRegistered)",
            kit -> kit.notifying.on(REGISTERED));
    private static final Delivery PROJECT_UPDATE = new Delivery("projectRecipients(UserUpdated)",
            kit -> kit.projecting.on(UPDATED));
    /** Before the registration is projected it finds no recipient and is failed: its redelivery is the retry. */
    private static final Delivery CONFIRM_ORDER = new Delivery("sendNotifications(OrderPlaced)",
            kit -> kit.notifying.on(ORDER_PLACED));
    private static final Delivery PURGE = new Delivery("purgeRecipient(UserDeleted)",
            kit -> kit.purging.on(DELETED));
    private static final Delivery WELCOME_AGAIN = new Delivery("sendNotifications(UserRegistered, new life)",
            kit -> kit.notifying.on(REGISTERED_AGAIN));

    @Test
    void whatever_the_order_and_however_often_delivered_nothing_is_sent_or_projected_after_the_purge() {
        List<List<Delivery>> orders = orderings(List.of(WELCOME, WELCOME, PROJECT_UPDATE, PROJECT_UPDATE,
                CONFIRM_ORDER, CONFIRM_ORDER, PURGE, PURGE));
        assertThat(orders).hasSize(2520);

        for (List<Delivery> order : orders) {
            NotificationServiceTestKit kit = new NotificationServiceTestKit();
            int sentBeforeThePurge = -1;
            for (Delivery delivery : order) {
                delivery.handle().accept(kit);
                if (delivery.isPurge() && sentBeforeThePurge < 0) {
                    sentBeforeThePurge = kit.channel.sent().size();
                }
                if (sentBeforeThePurge >= 0) {
                    assertThat(kit.channel.sent()).as("sent after the purge, in %s", order)
                            .hasSize(sentBeforeThePurge);
                    assertThat(kit.recipients.find(ALICE)).as("projection after the purge, in %s", order)
                            .isEqualTo(new RecipientState.Erased(ALICE, 3));
                }
            }
            assertThat(kit.channel.sent()).as("at most one message per event, in %s", order)
                    .extracting(message -> message.id().value()).doesNotHaveDuplicates();
            assertThat(kit.notifications.findByRecipient(ALICE, PageRequest.first()).items())
                    .as("notifications left, in %s", order).isEmpty();
        }
    }

    @Test
    void a_new_life_of_the_id_is_projected_whatever_the_order_and_no_data_of_the_erased_life_comes_back() {
        List<List<Delivery>> orders = orderings(List.of(WELCOME, WELCOME, PROJECT_UPDATE, PROJECT_UPDATE,
                PURGE, PURGE, WELCOME_AGAIN, WELCOME_AGAIN));

        for (List<Delivery> order : orders) {
            NotificationServiceTestKit kit = new NotificationServiceTestKit();
            boolean purged = false;
            for (Delivery delivery : order) {
                int sentBefore = kit.channel.sent().size();
                delivery.handle().accept(kit);
                purged |= delivery.isPurge();
                if (purged) {
                    assertThat(kit.recipients.findById(ALICE).map(Recipient::email))
                            .as("projection after the purge, in %s", order)
                            .isNotIn(ERASED_LIFE.stream().map(Optional::of).toList());
                    assertThat(kit.channel.sent().subList(sentBefore, kit.channel.sent().size()))
                            .as("sent after the purge, in %s", order)
                            .allSatisfy(message -> assertThat(message.to()).isEqualTo(NEW_LIFE_EMAIL));
                }
            }
            assertThat(kit.recipients.findById(ALICE)).as("in %s", order).hasValueSatisfying(recipient -> {
                assertThat(recipient.email()).isEqualTo(NEW_LIFE_EMAIL);
                assertThat(recipient.version()).isEqualTo(4);
            });
        }
    }

    /** All distinct orderings of a multiset of deliveries. */
    private static List<List<Delivery>> orderings(List<Delivery> deliveries) {
        List<List<Delivery>> all = new ArrayList<>();
        permute(new ArrayList<>(deliveries), 0, all);
        return all;
    }

    private static void permute(List<Delivery> items, int from, List<List<Delivery>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        Set<Delivery> tried = new HashSet<>();
        for (int i = from; i < items.size(); i++) {
            if (!tried.add(items.get(i))) {
                continue;
            }
            Collections.swap(items, from, i);
            permute(items, from + 1, out);
            Collections.swap(items, from, i);
        }
    }
}
