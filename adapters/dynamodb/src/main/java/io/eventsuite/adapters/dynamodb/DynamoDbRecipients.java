package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.Recipients;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link Recipients} on a DynamoDB table keyed by {@code id} (the user's id). */
public final class DynamoDbRecipients implements Recipients {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRecipients(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<Recipient> findById(UserId id) {
        return Items.get(dynamo, table, RecipientItems.key(id), List.of())
                .map(item -> RecipientItems.read(table, item));
    }

    /** One PutItem conditional on there being no stored recipient or only an older version. */
    @Override
    public boolean upsertIfNewer(Recipient recipient) {
        Expressions condition = new Expressions();
        String version = condition.name(RecipientItems.VERSION);
        String expression = "attribute_not_exists(" + condition.name(RecipientItems.ID) + ") OR " + version + " < "
                + condition.value(Attributes.n(recipient.version()));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(RecipientItems.item(recipient))
                    .conditionExpression(expression)
                    .expressionAttributeNames(condition.names())
                    .expressionAttributeValues(condition.values()));
            return true;
        } catch (ConditionalCheckFailedException sameOrNewer) {
            return false;
        }
    }

    /** An unconditional DeleteItem: forgetting an unknown recipient is no error. */
    @Override
    public void delete(UserId id) {
        dynamo.deleteItem(b -> b.tableName(table).key(RecipientItems.key(id)));
    }
}
