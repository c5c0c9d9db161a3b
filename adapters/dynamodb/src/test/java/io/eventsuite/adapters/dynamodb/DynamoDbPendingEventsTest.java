package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.order.CancellationOutcome;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class DynamoDbPendingEventsTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(StrictJson.create().mapper());
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static LocalDynamo dynamo;

    private String table;
    private DynamoDbOrders orders;
    private DynamoDbPendingEvents pending;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbPendingEventsTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @BeforeEach
    void createTable() {
        table = dynamo.createTable(TableDefinitions::orders);
        orders = new DynamoDbOrders(dynamo.client(), table, CODEC, LocalDynamo.randomKey());
        pending = new DynamoDbPendingEvents(dynamo.client(), table);
    }

    @Test
    void oldestListsAggregatesByTheirOldestPendingEventEachWithItsEventsInOrder() {
        Order young = place("young", T0.plusSeconds(30));
        Order old = place("old", T0);
        place("middle", T0.plusSeconds(10));
        orders.add(aPlacedOrder("quiet", ALICE, T0.minusSeconds(60)), List.of());
        cancel(old, T0.plusSeconds(40), "evt-old-cancelled");
        cancel(young, T0.plusSeconds(50), "evt-young-cancelled");

        List<PendingBatch> batches = pending.oldest(10);

        assertThat(batches).extracting(PendingBatch::aggregateId).containsExactly("old", "middle", "young");
        assertThat(batches.getFirst().events()).extracting(StoredEvent::eventId)
                .containsExactly("evt-old", "evt-old-cancelled");
        assertThat(batches.getFirst().events()).extracting(StoredEvent::type)
                .containsExactly(OrderPlaced.TYPE, OrderCancelled.TYPE);
        assertThat(CODEC.decode(batches.getFirst().events().getFirst().cloudEvent()).envelope())
                .isEqualTo(placedEvent(old));
        assertThat(pending.oldest(2)).extracting(PendingBatch::aggregateId).containsExactly("old", "middle");
    }

    @Test
    void markPublishedClearsTheEventsAndDropsTheItemFromTheIndex() {
        Order order = place("o-1", T0);
        cancel(order, T0.plusSeconds(1), "evt-2");

        pending.markPublished("o-1", List.of("evt-o-1", "evt-2", "evt-unknown"));

        assertThat(pending.oldest(10)).isEmpty();
        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", "o-1").orElseThrow();
        assertThat(raw.get("pendingEvents").m()).isEmpty();
        assertThat(raw).doesNotContainKeys("outboxState", "pendingSince");
        assertThat(orders.findById(order.id())).isPresent();
    }

    @Test
    void eventsNotMarkedPublishedStayPending() {
        Order order = place("o-1", T0);
        cancel(order, T0.plusSeconds(1), "evt-2");

        pending.markPublished("o-1", List.of("evt-o-1"));

        assertThat(pending.oldest(10)).singleElement().satisfies(batch ->
                assertThat(batch.events()).extracting(StoredEvent::eventId).containsExactly("evt-2"));
    }

    @Test
    void clearingEveryPendingEventOfAnItemTakesOneUpdateItem() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client());
        Order order = place("o-1", T0);
        cancel(order, T0.plusSeconds(1), "evt-2");

        new DynamoDbPendingEvents(client, table).markPublished("o-1", List.of("evt-o-1", "evt-2", "evt-2"));

        assertThat(client.calls()).containsExactly("UpdateItem");
        assertThat(pending.oldest(10)).isEmpty();
        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", "o-1").orElseThrow();
        assertThat(raw.get("pendingEvents").m()).isEmpty();
        assertThat(raw).doesNotContainKeys("outboxState", "pendingSince");
    }

    @Test
    void anEventWrittenJustBeforeTheClearKeepsTheItemInTheIndex() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client());
        DynamoDbPendingEvents racing = new DynamoDbPendingEvents(client, table);
        Order order = place("o-1", T0);
        // the one-step clear finds two events where it expects one, and falls back to removing its own
        client.before("UpdateItem", 1, () -> cancel(order, T0.plusSeconds(1), "evt-new"));

        racing.markPublished("o-1", List.of("evt-o-1"));

        assertThat(client.calls()).containsExactly("UpdateItem", "UpdateItem");
        assertThat(pending.oldest(10)).singleElement().satisfies(batch ->
                assertThat(batch.events()).extracting(StoredEvent::eventId).containsExactly("evt-new"));
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow().get("outboxState").s()).isEqualTo("PENDING");
    }

    @Test
    void anEventWrittenBetweenTheFallbacksTwoStepsKeepsTheItemInTheIndex() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client());
        DynamoDbPendingEvents racing = new DynamoDbPendingEvents(client, table);
        Order order = place("o-1", T0);
        // evt-relayed is gone already (the relay published it), so the one-step clear does not apply; then, after the
        // published event was removed and the map found empty, before the index attributes go
        client.before("UpdateItem", 3, () -> cancel(order, T0.plusSeconds(1), "evt-new"));

        racing.markPublished("o-1", List.of("evt-o-1", "evt-relayed"));

        assertThat(client.calls()).containsExactly("UpdateItem", "UpdateItem", "UpdateItem");
        assertThat(pending.oldest(10)).singleElement().satisfies(batch ->
                assertThat(batch.events()).extracting(StoredEvent::eventId).containsExactly("evt-new"));
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow().get("outboxState").s()).isEqualTo("PENDING");
    }

    @Test
    void anEmptyLeftoverInTheIndexIsCleanedUpAndDoesNotCrowdOutRealWork() {
        InterceptingDynamoDbClient failing = new InterceptingDynamoDbClient(dynamo.client());
        // the fallback (evt-relayed is gone) dies between its two steps
        failing.before("UpdateItem", 3, () -> {
            throw DynamoDbException.builder().message("simulated outage").build();
        });
        place("leftover", T0);
        place("real", T0.plusSeconds(1));
        assertThatThrownBy(() -> new DynamoDbPendingEvents(failing, table).markPublished("leftover",
                List.of("evt-leftover", "evt-relayed"))).isInstanceOf(DynamoDbException.class);

        assertThat(pending.oldest(1)).extracting(PendingBatch::aggregateId).containsExactly("real");
        assertThat(dynamo.rawItem(table, "id", "leftover").orElseThrow()).doesNotContainKey("outboxState");
    }

    @Test
    void markPublishedForAnUnknownAggregateCreatesNothing() {
        pending.markPublished("ghost", List.of("evt-1"));
        pending.markPublished("ghost", List.of());

        assertThat(dynamo.rawItem(table, "id", "ghost")).isEmpty();
    }

    @Test
    void aTombstoneKeepsItsEventsUntilRelayedAndStaysAfterwardsWithItsVersion() {
        String usersTable = dynamo.createTable(TableDefinitions::users);
        DynamoDbUsers users = new DynamoDbUsers(dynamo.client(), usersTable, CODEC, new MutableClock());
        DynamoDbPendingEvents userEvents = new DynamoDbPendingEvents(dynamo.client(), usersTable);
        users.add(alice(1), List.of());
        users.erase(ALICE, 1, List.of(anEnvelope("evt-deleted", new UserDeleted(ALICE, 2))));

        assertThat(userEvents.oldest(10)).singleElement().satisfies(batch -> {
            assertThat(batch.aggregateId()).isEqualTo(ALICE.value());
            assertThat(batch.events()).extracting(StoredEvent::type).containsExactly(UserDeleted.TYPE);
        });
        userEvents.markPublished(ALICE.value(), List.of("evt-deleted"));

        assertThat(userEvents.oldest(10)).isEmpty();
        Map<String, AttributeValue> tombstone = dynamo.rawItem(usersTable, "id", ALICE.value()).orElseThrow();
        assertThat(tombstone).containsKeys("erasedAt", "version").doesNotContainKeys("email", "expiresAt");
    }

    @Test
    void oldestLeavesOutEventsWrittenAtOrAfterTheCutOff() {
        Order order = place("o-1", T0);
        cancel(order, T0.plusSeconds(10), "evt-young");
        place("o-young", T0.plusSeconds(10));

        assertThat(pending.oldest(10, T0.plusSeconds(10))).singleElement().satisfies(batch -> {
            assertThat(batch.aggregateId()).isEqualTo("o-1");
            assertThat(batch.events()).extracting(StoredEvent::eventId).containsExactly("evt-o-1");
        });
        assertThat(pending.oldest(10, T0)).isEmpty();
        assertThat(pending.oldest(10, T0.plusSeconds(11))).extracting(PendingBatch::aggregateId)
                .containsExactly("o-1", "o-young");
    }

    @Test
    void anEventRefusedTheAllowedNumberOfTimesIsParkedKeptInTheItemAndCounted() {
        Order order = place("o-1", T0);
        cancel(order, T0.plusSeconds(1), "evt-2");

        assertThat(pending.recordRefusals("o-1", List.of("evt-2"), 3)).isEmpty();
        assertThat(pending.recordRefusals("o-1", List.of("evt-2", "evt-gone"), 3)).isEmpty();
        Map<String, AttributeValue> counted = dynamo.rawItem(table, "id", "o-1").orElseThrow();
        assertThat(counted.get("pendingEvents").m().get("evt-2").m().get("refusals").n()).isEqualTo("2");

        assertThat(pending.recordRefusals("o-1", List.of("evt-2"), 3)).containsExactly("evt-2");

        assertThat(pending.oldest(10)).singleElement().satisfies(batch ->
                assertThat(batch.events()).extracting(StoredEvent::eventId).containsExactly("evt-o-1"));
        assertThat(pending.parkedCount()).as("counted once nothing else is left to relay").isZero();
        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", "o-1").orElseThrow();
        Map<String, AttributeValue> parked = raw.get("parkedEvents").m().get("evt-2").m();
        assertThat(parked.get("type").s()).isEqualTo(OrderCancelled.TYPE);
        assertThat(parked.get("refusals").n()).isEqualTo("3");
        assertThat(parked).containsKeys("cloudEvent", "seq", "parkedAt");

        pending.markPublished("o-1", List.of("evt-o-1"));

        raw = dynamo.rawItem(table, "id", "o-1").orElseThrow();
        assertThat(raw.get("outboxState").s()).as("visible in the index while parked").isEqualTo("PARKED");
        assertThat(raw).containsKey("pendingSince");
        assertThat(pending.oldest(10)).isEmpty();
        assertThat(pending.parkedCount()).isEqualTo(1);
    }

    @Test
    void aNewEventOfAParkedItemIsRelayedAndTheParkedOneStaysParked() {
        Order order = place("o-1", T0);
        pending.recordRefusals("o-1", List.of("evt-o-1"), 1);
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow().get("outboxState").s()).isEqualTo("PARKED");

        cancel(order, T0.plusSeconds(1), "evt-2");

        assertThat(pending.oldest(10)).singleElement().satisfies(batch ->
                assertThat(batch.events()).extracting(StoredEvent::eventId).containsExactly("evt-2"));
        pending.markPublished("o-1", List.of("evt-2"));
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow().get("outboxState").s()).isEqualTo("PARKED");
        assertThat(pending.parkedCount()).isEqualTo(1);
    }

    /** The redrive procedure of docs/deployment.md, as written there, on the emulator. */
    @Test
    void theDocumentedRedriveMovesAParkedEventBackToPending() {
        place("o-1", T0);
        pending.recordRefusals("o-1", List.of("evt-o-1"), 1);

        dynamo.client().updateItem(b -> b.tableName(table)
                .key(Map.of("id", AttributeValue.fromS("o-1")))
                .updateExpression("SET pendingEvents.#e = parkedEvents.#e, outboxState = :pending "
                        + "REMOVE parkedEvents.#e")
                .conditionExpression("attribute_exists(parkedEvents.#e)")
                .expressionAttributeNames(Map.of("#e", "evt-o-1"))
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"))));

        assertThat(pending.oldest(10)).singleElement().satisfies(batch ->
                assertThat(batch.events()).extracting(StoredEvent::eventId).containsExactly("evt-o-1"));
        pending.markPublished("o-1", List.of("evt-o-1"));
        assertThat(dynamo.rawItem(table, "id", "o-1").orElseThrow()).doesNotContainKeys("outboxState", "pendingSince");
        assertThat(pending.parkedCount()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private Order place(String id, Instant at) {
        Order order = aPlacedOrder(id, ALICE, at);
        orders.add(order, List.of(placedEvent(order)));
        return order;
    }

    private void cancel(Order order, Instant at, String eventId) {
        Order stored = orders.findById(order.id()).orElseThrow();
        var cancelled = (CancellationOutcome.Cancelled) stored.cancel("reason", at);
        EventEnvelope event = EventEnvelope.wrap(new EventId(eventId), EventSources.ORDERS, at, cancelled.event());
        assertThat(orders.replace(cancelled.order(), stored.version(), List.of(event))).isTrue();
    }

    private static EventEnvelope placedEvent(Order order) {
        EventEnvelope envelope = anEnvelope("evt-" + order.id().value(),
                new OrderPlaced(order.id(), order.customerId(), order.lines(), order.total()));
        return EventEnvelope.wrap(envelope.id(), envelope.source(), order.placedAt(), envelope.data());
    }
}
