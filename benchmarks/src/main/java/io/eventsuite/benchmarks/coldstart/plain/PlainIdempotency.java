package io.eventsuite.benchmarks.coldstart.plain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The plain handlers' idempotency record, with the same two writes as the service's store: a conditional PutItem that
 * claims the key (free, or its lock or retention expired), and a conditional UpdateItem that stores the result under
 * the claim. What the plain handlers do when the claim fails (answering 409) is not exercised: every benchmark event
 * is new.
 */
final class PlainIdempotency {

    private static final Duration LOCK_FOR = Duration.ofMinutes(2);
    private static final Duration KEEP_FOR = Duration.ofHours(24);

    private final DynamoDbClient dynamo;
    private final String table;
    private final String prefix;

    PlainIdempotency(DynamoDbClient dynamo, String table, String prefix) {
        this.dynamo = dynamo;
        this.table = table;
        this.prefix = prefix + "#";
    }

    /** Claims the key; answers the claim token to complete with. */
    String claim(String key, String fingerprint, Instant now) {
        String claim = UUID.randomUUID().toString();
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of("key", AttributeValue.fromS(prefix + key), "fingerprint", AttributeValue.fromS(fingerprint),
                        "claim", AttributeValue.fromS(claim),
                        "lockedUntil", nanos(now.plus(LOCK_FOR)),
                        "expiresAt", AttributeValue.fromN(Long.toString(now.plus(LOCK_FOR).getEpochSecond()))))
                .conditionExpression("attribute_not_exists(#k) OR (attribute_not_exists(#r) AND #l <= :now)"
                        + " OR (attribute_exists(#r) AND #ku <= :now)")
                .expressionAttributeNames(Map.of("#k", "key", "#r", "result", "#l", "lockedUntil", "#ku", "keepUntil"))
                .expressionAttributeValues(Map.of(":now", nanos(now))));
        return claim;
    }

    /** Stores the result under the claim. */
    void complete(String key, String claim, String result, Instant now) {
        Instant keepUntil = now.plus(KEEP_FOR);
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("key", AttributeValue.fromS(prefix + key)))
                .updateExpression("SET #r = :r, #ku = :ku, #e = :e")
                .conditionExpression("#c = :c")
                .expressionAttributeNames(Map.of("#r", "result", "#ku", "keepUntil", "#e", "expiresAt", "#c", "claim"))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(result), ":ku", nanos(keepUntil),
                        ":e", AttributeValue.fromN(Long.toString(keepUntil.getEpochSecond())),
                        ":c", AttributeValue.fromS(claim))));
    }

    private static AttributeValue nanos(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano()));
    }
}
