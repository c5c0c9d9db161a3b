package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.NotificationKind;
import io.eventsuite.domain.notification.NotificationStatus;
import io.eventsuite.domain.notification.PurgingRecipient;
import io.eventsuite.domain.notification.RecipientState;
import io.eventsuite.domain.notification.RenderedMessage;
import io.eventsuite.domain.testing.MutableClock;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbNotificationsTest {

    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static LocalDynamo dynamo;

    private String table;
    private DynamoDbNotifications notifications;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbNotificationsTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @BeforeEach
    void createTable() {
        table = dynamo.createTable(TableDefinitions::notifications);
        notifications = new DynamoDbNotifications(dynamo.client(), table, LocalDynamo.randomKey());
    }

    @Test
    void storesAndReadsBackEveryFieldAndMarksItSent() {
        Notification notification = new Notification(NotificationId.of(new EventId("evt-1")), ALICE,
                new EventId("evt-1"), NotificationKind.ORDER_CANCELLED, "Your order ✓", "Line 1\nLine 2",
                NotificationStatus.PENDING, Instant.parse("2025-06-01T09:00:00.120Z"));

        assertThat(notifications.addPending(notification)).isTrue();
        assertThat(notifications.findById(notification.id())).contains(notification);

        notifications.markSent(notification.id());
        assertThat(notifications.findById(notification.id())).contains(notification.markedSent());
    }

    @Test
    void oneNotificationPerEvent() {
        Notification first = notification("evt-1", ALICE, T0, "first");

        assertThat(notifications.addPending(first)).isTrue();
        assertThat(notifications.addPending(notification("evt-1", ALICE, T0.plusSeconds(5), "second"))).isFalse();

        assertThat(notifications.findById(first.id())).contains(first);
    }

    @Test
    void onlyPendingNotificationsAreAdded() {
        Notification sent = notification("evt-1", ALICE, T0, "s").markedSent();

        assertThatThrownBy(() -> notifications.addPending(sent)).isInstanceOf(IllegalArgumentException.class);
        assertThat(notifications.findById(sent.id())).isEmpty();
    }

    @Test
    void markingAnUnknownNotificationSentCreatesNothing() {
        NotificationId unknown = NotificationId.of(new EventId("evt-gone"));

        notifications.markSent(unknown);

        assertThat(dynamo.rawItem(table, "id", unknown.value())).isEmpty();
    }

    @Test
    void listsOnlyTheRecipientsNotificationsNewestFirstAcrossPages() {
        for (int i = 0; i < 5; i++) {
            notifications.addPending(notification("a-" + i, ALICE, T0.plusMillis(250L * i), "n"));
        }
        notifications.addPending(notification("b-0", BOB, T0.plusSeconds(1), "n"));

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (request != null) {
            Page<Notification> page = notifications.findByRecipient(ALICE, request);
            page.items().forEach(n -> seen.add(n.causedBy().value()));
            sizes.add(page.items().size());
            request = page.nextCursor().map(request::after).orElse(null);
        }

        assertThat(seen).containsExactly("a-4", "a-3", "a-2", "a-1", "a-0");
        assertThat(sizes).containsExactly(2, 2, 1);
    }

    @Test
    void refusesForgedAndEditedCursors() {
        for (int i = 0; i < 3; i++) {
            notifications.addPending(notification("a-" + i, ALICE, T0.plusSeconds(i), "n"));
            notifications.addPending(notification("b-" + i, BOB, T0.plusSeconds(i), "n"));
        }
        String alices = notifications.findByRecipient(ALICE, PageRequest.first(1)).nextCursor().orElseThrow();
        String bobs = notifications.findByRecipient(BOB, PageRequest.first(1)).nextCursor().orElseThrow();

        for (String forged : List.of(bobs, DynamoDbOrdersTest.edited(alices), "AAAA")) {
            assertThatThrownBy(() -> notifications.findByRecipient(ALICE, PageRequest.first(1).after(forged)))
                    .isInstanceOfSatisfying(InvalidInput.class, e ->
                            assertThat(e.violations()).extracting(v -> v.field()).containsExactly("cursor"));
        }
    }

    @Test
    void deleteByRecipientPurgesAllOfTheirsInBatchesAndNothingElse() {
        int many = BatchDeletes.MAX_BATCH * 2 + 3;
        for (int i = 0; i < many; i++) {
            notifications.addPending(notification("a-" + i, ALICE, T0.plusSeconds(i), "n"));
        }
        notifications.addPending(notification("b-0", BOB, T0, "n"));

        assertThat(notifications.deleteByRecipient(ALICE)).isEqualTo(many);

        assertThat(notifications.findByRecipient(ALICE, PageRequest.first())).isEqualTo(Page.empty());
        assertThat(notifications.findById(NotificationId.of(new EventId("a-0")))).isEmpty();
        assertThat(notifications.findByRecipient(BOB, PageRequest.first()).items()).hasSize(1);
        assertThat(notifications.deleteByRecipient(ALICE)).isZero();
        assertThat(notifications.deleteByRecipient(new UserId("nobody"))).isZero();
    }

    @Test
    void deleteRemovesOneNotificationAndIgnoresUnknownOnes() {
        notifications.addPending(notification("a-1", ALICE, T0, "n"));
        notifications.addPending(notification("a-2", ALICE, T0, "n"));

        notifications.delete(NotificationId.of(new EventId("a-1")));
        notifications.delete(NotificationId.of(new EventId("unknown")));

        assertThat(notifications.findById(NotificationId.of(new EventId("a-1")))).isEmpty();
        assertThat(notifications.findById(NotificationId.of(new EventId("a-2")))).isPresent();
        assertThat(dynamo.rawItem(table, "id", NotificationId.of(new EventId("unknown")).value())).isEmpty();
    }

    @Test
    void aNotificationWrittenJustBeforeThePurgeIsDeletedEvenWhileTheIndexLagsBehind() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client());
        DynamoDbNotifications lagging = new DynamoDbNotifications(client, table, LocalDynamo.randomKey());
        DynamoDbRecipients recipients =
                new DynamoDbRecipients(client, dynamo.createTable(TableDefinitions::recipients),
                        Clock.systemUTC());
        PurgingRecipient purging = new PurgingRecipient(lagging, recipients, client.indexSettling());
        Notification justBefore = notification("a-just-before", ALICE, T0, "Welcome, Alice");
        lagging.addPending(notification("a-earlier", ALICE, T0, "n"));
        lagging.addPending(justBefore);
        client.indexLagsBehind(justBefore.id().value());

        int purged = purging.on(new UserDeleted(ALICE, 2));

        assertThat(purged).isEqualTo(2);
        assertThat(dynamo.rawItem(table, "id", justBefore.id().value())).isEmpty();
        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 2));
    }

    @Test
    void withAConsistentIndexAsDynalitesANotificationWrittenJustBeforeIsDeletedByTheFirstPass() {
        notifications.addPending(notification("a-1", ALICE, T0, "n"));

        assertThat(notifications.deleteByRecipient(ALICE)).isEqualTo(1);
    }

    private static Notification notification(String eventId, UserId recipient, Instant at, String body) {
        return Notification.pending(new EventId(eventId), recipient,
                new RenderedMessage(NotificationKind.WELCOME, "Welcome", body), at);
    }
}
