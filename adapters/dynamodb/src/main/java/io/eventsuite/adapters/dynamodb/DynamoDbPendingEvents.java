package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.adapters.dynamodb.PendingEventItems.OUTBOX_STATE;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PENDING;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PENDING_EVENTS;
import static io.eventsuite.adapters.dynamodb.PendingEventItems.PENDING_SINCE;

import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.outbox.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link PendingEvents} of one table whose items carry their outbox (users or orders): the sparse
 * {@code pending-events} index lists exactly the items with {@code outboxState = "PENDING"}, by {@code pendingSince}.
 *
 * <p>The index is eventually consistent: the relay may see an event that was just published (it publishes it
 * again, which consumers absorb) or miss one written a moment ago (the next run finds it). Neither loses anything.
 */
public final class DynamoDbPendingEvents implements PendingEvents {

    private static final String ID = "id";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPendingEvents(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Reads the index oldest first. An entry whose map is already empty (its second clean-up step failed, say) is
     * cleaned up here and skipped, so such leftovers cannot crowd real work out of the first page.
     */
    @Override
    public List<PendingBatch> oldest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<PendingBatch> batches = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(query(limit - batches.size(), start));
            for (Map<String, AttributeValue> item : response.items()) {
                String aggregateId = Attributes.string(item, ID);
                List<StoredEvent> events = CorruptItem.guard(table,
                        () -> PendingEventItems.read(Attributes.map(item, PENDING_EVENTS)));
                if (events.isEmpty()) {
                    leaveIndexIfEmpty(aggregateId);
                } else {
                    batches.add(new PendingBatch(aggregateId, events));
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (batches.size() < limit && start != null);
        return batches;
    }

    private QueryRequest query(int limit, Map<String, AttributeValue> start) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(TableDefinitions.PENDING_EVENTS_INDEX)
                .keyConditionExpression("#state = :pending")
                .projectionExpression("#id, #events")
                .expressionAttributeNames(Map.of("#state", OUTBOX_STATE, "#id", ID, "#events", PENDING_EVENTS))
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(PENDING)))
                .scanIndexForward(true)
                .limit(limit);
        if (start != null) {
            query.exclusiveStartKey(start);
        }
        return query.build();
    }

    /**
     * Step 1, one UpdateItem removing these entries from the map (ids not there are ignored). Step 2, only if the
     * map came back empty: one UpdateItem dropping {@code outboxState} and {@code pendingSince}, conditional on the
     * map still being empty, so an event a concurrent write added in between keeps the item in the index.
     */
    @Override
    public void markPublished(String aggregateId, List<String> eventIds) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (eventIds.isEmpty()) {
            return;
        }
        Expressions update = new Expressions();
        new LinkedHashSet<>(eventIds).forEach(eventId -> update.removeEntry(PENDING_EVENTS, eventId));
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
        Map<String, AttributeValue> item = response.attributes();
        AttributeValue left = item.get(PENDING_EVENTS);
        if (left != null && left.hasM() && left.m().isEmpty() && item.containsKey(OUTBOX_STATE)) {
            leaveIndexIfEmpty(aggregateId);
        }
    }

    private void leaveIndexIfEmpty(String aggregateId) {
        Expressions update = new Expressions().remove(OUTBOX_STATE).remove(PENDING_SINCE);
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
