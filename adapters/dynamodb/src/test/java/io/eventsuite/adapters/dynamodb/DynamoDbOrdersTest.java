package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.BOB;
import static io.eventsuite.domain.testing.Fixtures.aLine;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.Fixtures.anEnvelope;
import static io.eventsuite.domain.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.idempotency.RequestKey;
import io.eventsuite.domain.order.CancelingOrdersOfDeletedUser;
import io.eventsuite.domain.order.CancellationOutcome;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderStatus;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.testing.SequentialIds;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.outbox.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbOrdersTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(StrictJson.create().mapper());
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static LocalDynamo dynamo;

    private final byte[] cursorKey = LocalDynamo.randomKey();
    private String table;
    private DynamoDbOrders orders;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbOrdersTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @BeforeEach
    void createTable() {
        table = dynamo.createTable(TableDefinitions::orders);
        orders = new DynamoDbOrders(dynamo.client(), table, CODEC, cursorKey);
    }

    @Test
    void storesAndReadsBackEveryField() {
        Order placed = Order.place(new OrderId("o-1"), ALICE,
                List.of(aLine("BOOK-1", 2, eur(1250)), aLine("PEN-7", 1000, new Money(0, "EUR"))),
                Instant.parse("2025-06-01T09:00:00.000001Z"));
        Order cancelled = ((CancellationOutcome.Cancelled) placed.cancel("changed my mind ✓",
                placed.placedAt().plusSeconds(5), Optional.of(RequestKey.of("alice|cancel|k-1", "fp")))).order();

        orders.add(placed, List.of(placedEvent(placed)));
        assertThat(orders.findById(placed.id())).contains(placed);

        assertThat(orders.replace(cancelled, 1, List.of(cancelledEvent("evt-c", cancelled)))).isTrue();
        assertThat(orders.findById(placed.id())).contains(cancelled);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.findById(new OrderId("unknown"))).isEmpty();
    }

    @Test
    void storesTheOrderAndItsEventsInOneWriteAndAddsLaterEventsToThem() {
        Order placed = aPlacedOrder("o-1", ALICE, T0);

        orders.add(placed, List.of(placedEvent(placed)));

        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", "o-1").orElseThrow();
        assertThat(raw.get("status").s()).isEqualTo("PLACED");
        assertThat(raw.get("outboxState").s()).isEqualTo("PENDING");
        assertThat(raw.get("pendingEvents").m()).containsOnlyKeys("evt-o-1");
        assertThat(CODEC.decode(raw.get("pendingEvents").m().get("evt-o-1").m().get("cloudEvent").s()).envelope())
                .isEqualTo(placedEvent(placed));

        Order cancelled = cancel(placed, "no");
        orders.replace(cancelled, 1, List.of(cancelledEvent("evt-c", cancelled)));

        List<StoredEvent> events = new DynamoDbPendingEvents(dynamo.client(), table).oldest(10).getFirst().events();
        assertThat(events).extracting(StoredEvent::eventId).containsExactly("evt-o-1", "evt-c");
        assertThat(events).extracting(StoredEvent::type).containsExactly(OrderPlaced.TYPE, OrderCancelled.TYPE);
    }

    @Test
    void addingAnExistingIdIsRefusedAndOverwritesNothing() {
        Order first = aPlacedOrder("o-1", ALICE, T0);
        assertThat(orders.add(first, List.of())).isTrue();

        assertThat(orders.add(aPlacedOrder("o-1", BOB, T0), List.of())).isFalse();
        assertThat(orders.findById(first.id())).contains(first);
    }

    @Test
    void replaceNeedsTheStoredVersion() {
        Order placed = aPlacedOrder("o-1", ALICE, T0);
        orders.add(placed, List.of());
        Order cancelled = cancel(placed, "late");

        assertThat(orders.replace(cancelled, 2, List.of(cancelledEvent("evt-stale", cancelled)))).isFalse();
        assertThat(orders.findById(placed.id())).contains(placed);
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow().get("pendingEvents").m()).isEmpty();

        assertThat(orders.replace(cancel(aPlacedOrder("o-404", ALICE, T0), "x"), 1, List.of())).isFalse();
        assertThat(dynamo.rawItem(table, "id", "o-404")).isEmpty();
    }

    @Test
    void ofTwoConcurrentCancellationsExactlyOneWins() throws Exception {
        Order placed = aPlacedOrder("o-1", ALICE, T0);
        orders.add(placed, List.of());
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (String reason : List.of("first", "second")) {
            Order cancelled = cancel(placed, reason);
            writers.add(() -> orders.replace(cancelled, 1, List.of(cancelledEvent("evt-" + reason, cancelled))));
        }

        List<Boolean> outcomes = DynamoDbUsersTest.race(writers);

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        String reason = orders.findById(placed.id()).orElseThrow().cancellationReason().orElseThrow();
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow().get("pendingEvents").m())
                .containsOnlyKeys("evt-" + reason);
    }

    @Test
    void listsOnlyTheCustomersOrdersNewestFirstAcrossPages() {
        // Same second with and without a fraction: ISO strings of Instant.toString() would sort these wrongly.
        List<Instant> times = List.of(T0, T0.plusMillis(500), T0.plusSeconds(1), T0.plusSeconds(60),
                T0.plusSeconds(3600), T0.plusNanos(1));
        for (int i = 0; i < times.size(); i++) {
            orders.add(aPlacedOrder("alice-" + i, ALICE, times.get(i)), List.of());
        }
        orders.add(aPlacedOrder("bob-1", BOB, T0.plusSeconds(30)), List.of());
        orders.add(aPlacedOrder("bob-2", BOB, T0.plusSeconds(7200)), List.of());

        List<List<String>> pages = new ArrayList<>();
        PageRequest request = PageRequest.first(4);
        Page<Order> page;
        do {
            page = orders.findByCustomer(ALICE, request);
            pages.add(page.items().stream().map(o -> o.id().value()).toList());
            request = page.nextCursor().map(request::after).orElse(null);
        } while (request != null);

        assertThat(pages).containsExactly(
                List.of("alice-4", "alice-3", "alice-2", "alice-1"),
                List.of("alice-5", "alice-0"));
    }

    @Test
    void aPageThatEndsExactlyAtTheLastOrderHasNoCursor() {
        orders.add(aPlacedOrder("a", ALICE, T0), List.of());
        orders.add(aPlacedOrder("b", ALICE, T0.plusSeconds(1)), List.of());

        Page<Order> first = orders.findByCustomer(ALICE, PageRequest.first(1));
        Page<Order> second = orders.findByCustomer(ALICE, PageRequest.first(1).after(first.nextCursor().orElseThrow()));

        assertThat(first.items()).extracting(o -> o.id().value()).containsExactly("b");
        assertThat(second.items()).extracting(o -> o.id().value()).containsExactly("a");
        assertThat(second.nextCursor()).isEmpty();
        assertThat(orders.findByCustomer(new UserId("nobody"), PageRequest.first())).isEqualTo(Page.empty());
    }

    @Test
    void continuingIsStableWhileOrdersChange() {
        for (int i = 0; i < 4; i++) {
            orders.add(aPlacedOrder("o-" + i, ALICE, T0.plusSeconds(i)), List.of());
        }
        Page<Order> first = orders.findByCustomer(ALICE, PageRequest.first(2));
        Order boundary = first.items().getLast();
        orders.replace(cancel(boundary, "changed"), 1, List.of());

        Page<Order> second = orders.findByCustomer(ALICE, PageRequest.first(2).after(first.nextCursor().orElseThrow()));

        assertThat(first.items()).extracting(o -> o.id().value()).containsExactly("o-3", "o-2");
        assertThat(second.items()).extracting(o -> o.id().value()).containsExactly("o-1", "o-0");
    }

    @Test
    void refusesCursorsItDidNotIssueForThisQuery() {
        for (int i = 0; i < 3; i++) {
            orders.add(aPlacedOrder("alice-" + i, ALICE, T0.plusSeconds(i)), List.of());
            orders.add(aPlacedOrder("bob-" + i, BOB, T0.plusSeconds(i)), List.of());
        }
        String alices = orders.findByCustomer(ALICE, PageRequest.first(1)).nextCursor().orElseThrow();
        String bobs = orders.findByCustomer(BOB, PageRequest.first(1)).nextCursor().orElseThrow();
        String otherKeys = new DynamoDbOrders(dynamo.client(), table, CODEC, LocalDynamo.randomKey())
                .findByCustomer(ALICE, PageRequest.first(1)).nextCursor().orElseThrow();

        assertThat(orders.findByCustomer(ALICE, PageRequest.first(1).after(alices)).items()).hasSize(1);
        for (String forged : List.of(bobs, otherKeys, edited(alices), alices.substring(0, alices.length() - 2),
                "bm90LWEtY3Vyc29y", "***", Base64.getUrlEncoder().encodeToString(new byte[40]))) {
            assertThatThrownBy(() -> orders.findByCustomer(ALICE, PageRequest.first(1).after(forged)))
                    .as(forged)
                    .isInstanceOfSatisfying(InvalidInput.class, e ->
                            assertThat(e.violations()).extracting(v -> v.field()).containsExactly("cursor"));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The cursor with one byte of its key part changed (a customer id, a time), signature untouched. */
    @Test
    void anAddWhoseResponseWasLostSucceedsWhenTheSdkRetriesIt() {
        Order placed = aPlacedOrder("o-1", ALICE, T0);
        SdkFaults faults = new SdkFaults().loseResponses("PutItem", 1);
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            new DynamoDbOrders(client, table, CODEC, cursorKey).add(placed, List.of(placedEvent(placed)));
        }

        assertThat(faults.attempts()).filteredOn("PutItem"::equals).hasSize(2);
        assertThat(orders.findById(placed.id())).contains(placed);
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow().get("pendingEvents").m()).containsOnlyKeys("evt-o-1");
    }

    @Test
    void aReplaceWhoseResponseWasLostIsReportedAsDoneWhenTheSdkRetriesIt() {
        Order placed = aPlacedOrder("o-1", ALICE, T0);
        orders.add(placed, List.of());
        Order cancelled = cancel(placed, "changed my mind");
        SdkFaults faults = new SdkFaults().loseResponses("UpdateItem", 1);
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            DynamoDbOrders retrying = new DynamoDbOrders(client, table, CODEC, cursorKey);

            assertThat(retrying.replace(cancelled, 1, List.of(cancelledEvent("evt-c", cancelled)))).isTrue();
        }

        assertThat(faults.attempts()).filteredOn("UpdateItem"::equals).hasSize(2);
        assertThat(orders.findById(placed.id())).contains(cancelled);
    }

    static String edited(String cursor) {
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[raw.length / 3] ^= 0x01;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Test
    void anOrderPlacedJustBeforeItsCustomerIsDeletedIsCancelledEvenWhileTheIndexLagsBehind() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client());
        DynamoDbOrders lagging = new DynamoDbOrders(client, table, CODEC, cursorKey);
        CancelingOrdersOfDeletedUser canceling = new CancelingOrdersOfDeletedUser(lagging, new MutableClock(),
                new SequentialIds(), new RecordingEventPublisher(), client.indexSettling());
        Order earlier = aPlacedOrder("o-earlier", ALICE, T0);
        Order justBefore = aPlacedOrder("o-just-before", ALICE, T0.plusSeconds(1));
        lagging.add(earlier, List.of());
        lagging.add(justBefore, List.of());
        client.indexLagsBehind("o-just-before");

        int cancelled = canceling.on(new UserDeleted(ALICE, 2));

        assertThat(cancelled).isEqualTo(2);
        assertThat(orders.findById(justBefore.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.findById(earlier.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void withAConsistentIndexAsDynalitesAnOrderPlacedJustBeforeIsFoundByTheFirstPass() {
        Order justBefore = aPlacedOrder("o-1", ALICE, T0);
        orders.add(justBefore, List.of());

        assertThat(orders.findByCustomer(ALICE, PageRequest.first()).items()).containsExactly(justBefore);
    }

    private static Order cancel(Order order, String reason) {
        return ((CancellationOutcome.Cancelled) order.cancel(reason, order.updatedAt().plusSeconds(5))).order();
    }

    private static EventEnvelope placedEvent(Order order) {
        return anEnvelope("evt-" + order.id().value(),
                new OrderPlaced(order.id(), order.customerId(), order.lines(), order.total()));
    }

    private static EventEnvelope cancelledEvent(String eventId, Order order) {
        EventEnvelope envelope = anEnvelope(eventId,
                new OrderCancelled(order.id(), order.customerId(), order.cancellationReason().orElseThrow()));
        return EventEnvelope.wrap(envelope.id(), envelope.source(), order.updatedAt(), envelope.data());
    }
}
