package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RecipientState;
import io.eventsuite.domain.notification.Recipients;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link Recipients} on a DynamoDB table keyed by {@code id} (the user's id). An item is a recipient or a
 * tombstone (see {@link RecipientItems}); both carry {@code version}, so one condition guards every write.
 */
public final class DynamoDbRecipients implements Recipients {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    /** @param clock stamps a tombstone with when the erasure reached this service */
    public DynamoDbRecipients(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RecipientState find(UserId id) {
        return Items.get(dynamo, table, RecipientItems.key(id), List.of())
                .map(item -> RecipientItems.read(table, item))
                .orElseGet(RecipientState.Unknown::new);
    }

    @Override
    public boolean upsertIfNewer(Recipient recipient) {
        return putIfNewer(RecipientItems.item(recipient), recipient.version());
    }

    /** The tombstone is a whole new item (a PutItem), so no personal attribute of the recipient survives it. */
    @Override
    public boolean eraseIfNewer(UserId id, long version) {
        return putIfNewer(RecipientItems.tombstone(id, version, clock.instant()), version);
    }

    /** One PutItem conditional on there being no item, or only one (recipient or tombstone) of an older version. */
    private boolean putIfNewer(Map<String, AttributeValue> item, long version) {
        Expressions condition = new Expressions();
        String expression = "attribute_not_exists(" + condition.name(RecipientItems.ID) + ") OR "
                + condition.name(RecipientItems.VERSION) + " < " + condition.value(Attributes.n(version));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression(expression)
                    .expressionAttributeNames(condition.names())
                    .expressionAttributeValues(condition.values()));
            return true;
        } catch (ConditionalCheckFailedException sameOrNewer) {
            return false;
        }
    }
}
