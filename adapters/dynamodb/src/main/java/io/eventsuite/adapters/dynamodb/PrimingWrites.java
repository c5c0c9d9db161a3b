package io.eventsuite.adapters.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * For SnapStart priming: a PutItem and an UpdateItem whose condition can never hold ({@code attribute_exists} and
 * {@code attribute_not_exists} of the same key), so DynamoDB refuses both and nothing is written, while the SDK client's
 * write marshalling, its signer and HTTP stack, and the unmarshalling of a conditional-check failure (the path of every
 * idempotency claim and outbox write) run once before the snapshot.
 */
public final class PrimingWrites {

    private static final String IMPOSSIBLE = "attribute_exists(#k) AND attribute_not_exists(#k)";

    private PrimingWrites() {
    }

    /** Both refused writes on {@code table}, keyed {@code keyName = keyValue}. */
    public static void refusedWrites(DynamoDbClient dynamo, String table, String keyName, String keyValue) {
        Map<String, AttributeValue> key = Map.of(keyName, AttributeValue.fromS(keyValue));
        try {
            dynamo.putItem(b -> b.tableName(table).item(key).conditionExpression(IMPOSSIBLE)
                    .expressionAttributeNames(Map.of("#k", keyName)));
        } catch (DynamoDbException refused) {
            // Refused on its condition as intended, or by IAM where the function may not write this table (a route
            // allowed only UpdateItem): either way nothing is written, and the next call still runs.
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #p = :p")
                    .conditionExpression(IMPOSSIBLE)
                    .expressionAttributeNames(Map.of("#k", keyName, "#p", "snapstartPriming"))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromBool(true))));
        } catch (DynamoDbException refused) {
            // as above
        }
    }
}
