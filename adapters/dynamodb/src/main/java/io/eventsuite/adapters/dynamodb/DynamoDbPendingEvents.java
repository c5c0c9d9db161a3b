package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.adapters.dynamodb.PendingEventItems.OUTBOX_STATE;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PENDING;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PENDING_EVENTS;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PENDING_SINCE;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PARKED;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PARKED_EVENTS;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.REFUSALS;

import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.outbox.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link PendingEvents} of one table whose items carry their outbox (users or orders): the sparse
 * {@code pending-events} index lists exactly the items with an {@code outboxState}, by {@code pendingSince}:
 * {@code PENDING} while any event is left to relay, {@code PARKED} while only parked events are left.
 *
 * <p>The index is eventually consistent: the relay may see an event that was just published (it publishes it
 * again, which consumers absorb) or miss one written a moment ago (the next run finds it). Neither loses anything.
 *
 * <p>Once an item holds nothing pending or parked, it leaves the index.
 */
public final class DynamoDbPendingEvents implements PendingEvents {

    private static final String ID = "id";
    private static final String PARKED_AT = "parkedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbPendingEvents(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbPendingEvents(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the index oldest first. An entry whose map is already empty (its second clean-up step failed, say) is
     * settled here and skipped, so such leftovers cannot crowd real work out of the first page; an entry whose
     * events are all younger than {@code writtenBefore} is skipped.
     */
    @Override
    public List<PendingBatch> oldest(int limit, Instant writtenBefore) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<PendingBatch> batches = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(query(PENDING, limit - batches.size(), writtenBefore, start));
            for (Map<String, AttributeValue> item : response.items()) {
                String aggregateId = Attributes.string(item, ID);
                Map<String, AttributeValue> pendingEvents = CorruptItem.guard(table,
                        () -> Attributes.map(item, PENDING_EVENTS));
                List<StoredEvent> events = CorruptItem.guard(table,
                        () -> PendingEventItems.read(pendingEvents, writtenBefore));
                if (pendingEvents.isEmpty()) {
                    settle(aggregateId, item);
                } else if (!events.isEmpty()) {
                    batches.add(new PendingBatch(aggregateId, events));
                }
            }
            start = next(response);
        } while (batches.size() < limit && start != null);
        return batches;
    }

    private QueryRequest query(String state, int limit, Instant writtenBefore, Map<String, AttributeValue> start) {
        Map<String, String> names = new HashMap<>(Map.of("#state", OUTBOX_STATE, "#id", ID, "#events", PENDING_EVENTS,
                "#parked", PARKED_EVENTS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", AttributeValue.fromS(state)));
        String keyCondition = "#state = :state";
        if (writtenBefore.isBefore(Instant.parse("9999-01-01T00:00:00Z"))) {
            keyCondition += " AND #since < :before";
            names.put("#since", PENDING_SINCE);
            values.put(":before", Attributes.instant(writtenBefore));
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(TableDefinitions.PENDING_EVENTS_INDEX)
                .keyConditionExpression(keyCondition)
                .projectionExpression("#id, #state, #events, #parked")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(true)
                .limit(limit);
        if (start != null) {
            query.exclusiveStartKey(start);
        }
        return query.build();
    }

    private static Map<String, AttributeValue> next(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null;
    }

    /**
     * Usually one UpdateItem: {@link #clearedInOneStep}. Otherwise two steps. Step 1, one UpdateItem removing these
     * entries from the map (ids not there are ignored). Step 2, only if the map came back empty: {@link #settle}.
     */
    @Override
    public void markPublished(String aggregateId, List<String> eventIds) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (eventIds.isEmpty()) {
            return;
        }
        Set<String> published = new LinkedHashSet<>(eventIds);
        if (clearedInOneStep(aggregateId, published)) {
            return;
        }
        Expressions update = new Expressions();
        published.forEach(eventId -> update.removeEntry(PENDING_EVENTS, eventId));
        String condition = "attribute_exists(" + update.name(PENDING_EVENTS) + ")";
        UpdateItemResponse response;
        try {
            response = dynamo.updateItem(b -> b.tableName(table).key(Items.key(ID, aggregateId))
                    .updateExpression(update.update())
                    .conditionExpression(condition)
                    .expressionAttributeNames(update.names())
                    .returnValues(ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException noSuchItem) {
            return;
        }
        settle(aggregateId, response.attributes());
    }

    /**
     * The common case, a request clearing what its own write left pending, in one UpdateItem instead of two: the
     * entries removed and the item out of the index at once, conditional on these being exactly the pending events
     * (each there, no other) and nothing being parked. Anything else (an event written meanwhile, one the relay
     * published already, a parked one, no such item) leaves the item untouched, and the two steps follow.
     */
    private boolean clearedInOneStep(String aggregateId, Set<String> eventIds) {
        Expressions update = new Expressions();
        String pendingMap = update.name(PENDING_EVENTS);
        String parkedMap = update.name(PARKED_EVENTS);
        List<String> conditions = new ArrayList<>();
        conditions.add("size(" + pendingMap + ") = " + update.value(Attributes.n(eventIds.size())));
        for (String eventId : eventIds) {
            update.removeEntry(PENDING_EVENTS, eventId);
            conditions.add("attribute_exists(" + pendingMap + "." + update.name(eventId) + ")");
        }
        conditions.add("(attribute_not_exists(" + parkedMap + ") OR size(" + parkedMap + ") = "
                + update.value(Attributes.n(0)) + ")");
        update.remove(OUTBOX_STATE).remove(PENDING_SINCE);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(ID, aggregateId))
                    .updateExpression(update.update())
                    .conditionExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values()));
            return true;
        } catch (ConditionalCheckFailedException notOnlyThese) {
            return false;
        }
    }

    /**
     * Per event: one UpdateItem adding a refusal to its entry; if that makes {@code maxRefusals}, a second one moves
     * the entry (refusals included) to {@value PendingEventItems#PARKED_EVENTS}, conditional on it still being
     * pending, and the item is {@linkplain #settle settled}. An event no longer pending (published meanwhile) is
     * skipped.
     */
    @Override
    public List<String> recordRefusals(String aggregateId, List<String> eventIds, int maxRefusals) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        List<String> parked = new ArrayList<>();
        for (String eventId : new LinkedHashSet<>(eventIds)) {
            Expressions update = new Expressions();
            String refusals = update.name(PENDING_EVENTS) + "." + update.name(eventId) + "." + update.name(REFUSALS);
            update.setExpression(refusals + " = if_not_exists(" + refusals + ", " + update.value(Attributes.n(0))
                    + ") + " + update.value(Attributes.n(1)));
            Map<String, AttributeValue> item;
            try {
                item = dynamo.updateItem(b -> b.tableName(table).key(Items.key(ID, aggregateId))
                        .updateExpression(update.update())
                        .conditionExpression("attribute_exists(" + update.name(PENDING_EVENTS) + "."
                                + update.name(eventId) + ")")
                        .expressionAttributeNames(update.names())
                        .expressionAttributeValues(update.values())
                        .returnValues(ReturnValue.ALL_NEW)).attributes();
            } catch (ConditionalCheckFailedException noLongerPending) {
                continue;
            }
            Map<String, AttributeValue> entry = Attributes.map(Attributes.map(item, PENDING_EVENTS).get(eventId),
                    "pending event");
            if (Attributes.number(entry, REFUSALS) >= maxRefusals) {
                park(aggregateId, eventId, entry).ifPresent(after -> {
                    parked.add(eventId);
                    settle(aggregateId, after);
                });
            }
        }
        return parked;
    }

    /** Moves the entry to the parked map (created if absent); the item after the move, or empty if it was gone. */
    private Optional<Map<String, AttributeValue>> park(String aggregateId, String eventId,
            Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> parkedEntry = new HashMap<>(entry);
        parkedEntry.put(PARKED_AT, Attributes.instant(clock.instant()));
        for (boolean mapExists : new boolean[] {true, false}) {
            Expressions update = new Expressions();
            String pendingEntry = update.name(PENDING_EVENTS) + "." + update.name(eventId);
            String parkedMap = update.name(PARKED_EVENTS);
            if (mapExists) {
                update.setEntry(PARKED_EVENTS, eventId, AttributeValue.fromM(parkedEntry));
            } else {
                update.set(PARKED_EVENTS, AttributeValue.fromM(Map.of(eventId, AttributeValue.fromM(parkedEntry))));
            }
            update.removeEntry(PENDING_EVENTS, eventId);
            String condition = "attribute_exists(" + pendingEntry + ") AND "
                    + (mapExists ? "attribute_exists(" : "attribute_not_exists(") + parkedMap + ")";
            try {
                return Optional.of(dynamo.updateItem(b -> b.tableName(table).key(Items.key(ID, aggregateId))
                        .updateExpression(update.update())
                        .conditionExpression(condition)
                        .expressionAttributeNames(update.names())
                        .expressionAttributeValues(update.values())
                        .returnValues(ReturnValue.ALL_NEW)).attributes());
            } catch (ConditionalCheckFailedException notThisWay) {
                // the parked map is (not) there after all, or the event is no longer pending: see below
            }
        }
        return Optional.empty();
    }

    /** Parked events of the items with nothing left to relay (those still relaying count once they settle). */
    @Override
    public int parkedCount() {
        int parked = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(query(PARKED, 100, Instant.MAX, start));
            for (Map<String, AttributeValue> item : response.items()) {
                AttributeValue events = item.get(PARKED_EVENTS);
                parked += events != null && events.hasM() ? events.m().size() : 0;
            }
            start = next(response);
        } while (start != null);
        return parked;
    }

    /**
     * Puts an item whose pending map is empty where it belongs, with one UpdateItem conditional on the map still being
     * empty (so an event a concurrent write added in between keeps the item pending): in the index as
     * {@code PARKED} while it holds parked events; else out of the index.
     */
    private void settle(String aggregateId, Map<String, AttributeValue> item) {
        AttributeValue left = item.get(PENDING_EVENTS);
        if (left == null || !left.hasM() || !left.m().isEmpty()) {
            return;
        }
        AttributeValue parked = item.get(PARKED_EVENTS);
        boolean holdsParked = parked != null && parked.hasM() && !parked.m().isEmpty();
        AttributeValue state = item.get(OUTBOX_STATE);
        Expressions update = new Expressions();
        if (holdsParked) {
            if (state != null && PARKED.equals(state.s())) {
                return;
            }
            update.set(OUTBOX_STATE, AttributeValue.fromS(PARKED));
        } else {
            if (state == null) {
                return;
            }
            update.remove(OUTBOX_STATE).remove(PENDING_SINCE);
        }
        String condition = "size(" + update.name(PENDING_EVENTS) + ") = " + update.value(Attributes.n(0));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(ID, aggregateId))
                    .updateExpression(update.update())
                    .conditionExpression(condition)
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values()));
        } catch (ConditionalCheckFailedException eventsArrived) {
            // A write added events after step 1: the item stays pending, as it must.
        }
    }
}
