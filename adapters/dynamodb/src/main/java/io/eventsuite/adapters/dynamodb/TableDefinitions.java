package io.eventsuite.adapters.dynamodb;

import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The tables these adapters expect, as CreateTable requests (on-demand billing), for tests and the local cloud.
 * The SAM template declares the same keys, indexes and projections; {@link #timeToLive} is what it declares as
 * {@code TimeToLiveSpecification} on the users and idempotency tables (dynalite has no TTL: do not send it there).
 *
 * <p>Every index projects ALL, as the SAM template declares: a page, or the relay's read of pending events, is one
 * query with no item reads behind it (the queries name the attributes they need, so an INCLUDE projection of
 * {@code pendingEvents} would do for {@code pending-events}).
 */
public final class TableDefinitions {

    public static final String PENDING_EVENTS_INDEX = "pending-events";
    public static final String BY_CUSTOMER_INDEX = "by-customer";
    public static final String BY_RECIPIENT_INDEX = "by-recipient";
    /** The TTL attribute (epoch seconds) of the idempotency table, and of old user tombstones (without a version). */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private TableDefinitions() {
    }

    /** Users: hash {@code id}; sparse index {@code pending-events}. */
    public static CreateTableRequest users(String tableName) {
        return table(tableName, "id", List.of(pendingEvents()), "id", "outboxState", "pendingSince");
    }

    /** Orders: hash {@code id}; indexes {@code by-customer} (customerId, placedAt) and {@code pending-events}. */
    public static CreateTableRequest orders(String tableName) {
        return table(tableName, "id",
                List.of(index(BY_CUSTOMER_INDEX, "customerId", "placedAt", all()), pendingEvents()),
                "id", "customerId", "placedAt", "outboxState", "pendingSince");
    }

    /** Notifications: hash {@code id}; index {@code by-recipient} (recipientId, createdAt). */
    public static CreateTableRequest notifications(String tableName) {
        return table(tableName, "id", List.of(index(BY_RECIPIENT_INDEX, "recipientId", "createdAt", all())),
                "id", "recipientId", "createdAt");
    }

    /** Recipients: hash {@code id}. */
    public static CreateTableRequest recipients(String tableName) {
        return table(tableName, "id", List.of(), "id");
    }

    /** Idempotency keys: hash {@code key}; TTL on {@value #TTL_ATTRIBUTE}. */
    public static CreateTableRequest idempotency(String tableName) {
        return table(tableName, "key", List.of(), "key");
    }

    /** Enables TTL on {@value #TTL_ATTRIBUTE} (for AWS or LocalStack; dynalite does not support it). */
    public static UpdateTimeToLiveRequest timeToLive(String tableName) {
        return UpdateTimeToLiveRequest.builder().tableName(tableName)
                .timeToLiveSpecification(s -> s.attributeName(TTL_ATTRIBUTE).enabled(true))
                .build();
    }

    private static GlobalSecondaryIndex pendingEvents() {
        return index(PENDING_EVENTS_INDEX, "outboxState", "pendingSince", all());
    }

    private static Projection all() {
        return Projection.builder().projectionType(ProjectionType.ALL).build();
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range, Projection projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
                .projection(projection)
                .build();
    }

    private static CreateTableRequest table(String tableName, String hashKey, List<GlobalSecondaryIndex> indexes,
                                            String... stringAttributes) {
        CreateTableRequest.Builder table = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(hashKey, KeyType.HASH))
                .attributeDefinitions(Arrays.stream(stringAttributes)
                        .map(name -> AttributeDefinition.builder().attributeName(name)
                                .attributeType(ScalarAttributeType.S).build())
                        .toList());
        if (!indexes.isEmpty()) {
            table.globalSecondaryIndexes(indexes);
        }
        return table.build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
