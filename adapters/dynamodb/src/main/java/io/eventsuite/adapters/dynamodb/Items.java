package io.eventsuite.adapters.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Reads shared by the repositories. */
final class Items {

    private Items() {
    }

    /** A strongly consistent read of one item, limited to {@code attributes} (all when none are given). */
    static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table,
                                                     Map<String, AttributeValue> key, List<String> attributes) {
        GetItemResponse response = dynamo.getItem(b -> {
            b.tableName(table).key(key).consistentRead(true);
            if (!attributes.isEmpty()) {
                Map<String, String> names = new LinkedHashMap<>();
                for (String attribute : attributes) {
                    names.put("#p" + names.size(), attribute);
                }
                b.projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names);
            }
        });
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * The item as it was when a write's condition failed. DynamoDB returns it with the failure when asked
     * ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}) and the item exists, which saves a read; dynalite
     * never does, and an absent item returns nothing, so then it is read (consistently).
     */
    static Optional<Map<String, AttributeValue>> asFound(ConditionalCheckFailedException failure,
                                                         Supplier<Optional<Map<String, AttributeValue>>> read) {
        if (failure.hasItem() && !failure.item().isEmpty()) {
            return Optional.of(failure.item());
        }
        return read.get();
    }

    static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, AttributeValue.fromS(value));
    }
}
