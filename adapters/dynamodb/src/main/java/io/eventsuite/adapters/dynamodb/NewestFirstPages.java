package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One partition of a global secondary index, newest first (descending range key), in pages with signed cursors.
 *
 * <p>It asks for one item more than the page holds, so a cursor is only handed out when there is a next page
 * (DynamoDB's own {@code LastEvaluatedKey} is also present when the page merely ended exactly at the last item).
 * The cursor carries the last returned item's key in the index ({@code id} plus the index's two keys), which is
 * what {@code LastEvaluatedKey} would hold, so continuing is stable while items change or disappear.
 */
final class NewestFirstPages {

    private static final String TABLE_KEY = "id";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String index;
    private final String partitionAttribute;
    private final String sortAttribute;
    private final Supplier<PageCursors> cursors;
    private final List<String> attributes;

    /**
     * @param cursors    built when a page is first asked for, so that a function that never pages needs no key
     * @param attributes what to read of each item; it must include the three key attributes
     */
    NewestFirstPages(DynamoDbClient dynamo, String table, String index, String partitionAttribute,
                     String sortAttribute, Supplier<PageCursors> cursors, List<String> attributes) {
        this.dynamo = dynamo;
        this.table = table;
        this.index = index;
        this.partitionAttribute = partitionAttribute;
        this.sortAttribute = sortAttribute;
        this.cursors = cursors;
        this.attributes = List.copyOf(attributes);
        if (!this.attributes.containsAll(List.of(TABLE_KEY, partitionAttribute, sortAttribute))) {
            throw new IllegalArgumentException("the projection must include the index's key attributes");
        }
    }

    Page<Map<String, AttributeValue>> page(String partition, PageRequest request) {
        String query = table + "/" + index + "/" + partition;
        Map<String, AttributeValue> start = request.cursor().map(c -> startKey(query, partition, c)).orElse(null);
        int wanted = request.limit() + 1;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        do {
            QueryResponse response = dynamo.query(query(partition, wanted - items.size(), start));
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (items.size() < wanted && start != null);

        if (items.size() <= request.limit()) {
            return Page.last(items);
        }
        List<Map<String, AttributeValue>> page = items.subList(0, request.limit());
        return new Page<>(page, Optional.of(cursors.get().encode(query, keyOf(page.getLast()))));
    }

    private QueryRequest query(String partition, int limit, Map<String, AttributeValue> start) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#p", partitionAttribute);
        attributes.stream().filter(a -> !a.equals(partitionAttribute))
                .forEach(a -> names.put("#a" + names.size(), a));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression("#p = :p")
                .projectionExpression(String.join(", ", names.keySet()))
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                .scanIndexForward(false)
                .limit(limit);
        if (start != null) {
            query.exclusiveStartKey(start);
        }
        return query.build();
    }

    private Map<String, String> keyOf(Map<String, AttributeValue> item) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String attribute : List.of(TABLE_KEY, partitionAttribute, sortAttribute)) {
            key.put(attribute, Attributes.string(item, attribute));
        }
        return key;
    }

    private Map<String, AttributeValue> startKey(String query, String partition, String cursor) {
        Map<String, String> key = cursors.get().decode(query, cursor);
        // The signature already binds the cursor to this query; this only guards against a key format change.
        if (!key.keySet().equals(Set.of(TABLE_KEY, partitionAttribute, sortAttribute))
                || !partition.equals(key.get(partitionAttribute))) {
            throw PageCursors.invalid();
        }
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        key.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
        return start;
    }
}
