package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.NotificationStatus;
import io.eventsuite.domain.notification.Notifications;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link Notifications} on a DynamoDB table keyed by {@code id} (derived from the causing event, which is what
 * makes "one notification per event" a conditional put), with the {@code by-recipient} index for listing.
 */
public final class DynamoDbNotifications implements Notifications {

    private final DynamoDbClient dynamo;
    private final String table;
    private final NewestFirstPages byRecipient;
    private final BatchDeletes deletes;

    /** @param cursorKey signs page cursors: at least 32 random bytes, the same for every instance of the service */
    public DynamoDbNotifications(DynamoDbClient dynamo, String table, byte[] cursorKey) {
        this(dynamo, table, PageCursors.checkedNow(cursorKey));
    }

    /**
     * @param cursorKey asked for the key that signs page cursors when a page is first listed, so that functions that
     *                  never list notifications need no key
     */
    public DynamoDbNotifications(DynamoDbClient dynamo, String table, Supplier<byte[]> cursorKey) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.byRecipient = new NewestFirstPages(dynamo, table, TableDefinitions.BY_RECIPIENT_INDEX,
                NotificationItems.RECIPIENT_ID, NotificationItems.CREATED_AT, PageCursors.signedWith(cursorKey),
                NotificationItems.ALL);
        this.deletes = new BatchDeletes(dynamo, table);
    }

    @Override
    public Optional<Notification> findById(NotificationId id) {
        return Items.get(dynamo, table, NotificationItems.key(id), List.of())
                .map(item -> NotificationItems.read(table, item));
    }

    @Override
    public boolean addPending(Notification notification) {
        if (notification.status() != NotificationStatus.PENDING) {
            throw new IllegalArgumentException("only pending notifications are added");
        }
        Expressions condition = new Expressions();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(NotificationItems.item(notification))
                    .conditionExpression("attribute_not_exists(" + condition.name(NotificationItems.ID) + ")")
                    .expressionAttributeNames(condition.names()));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** An unconditional DeleteItem: deleting an unknown notification is no error. */
    @Override
    public void delete(NotificationId id) {
        dynamo.deleteItem(b -> b.tableName(table).key(NotificationItems.key(id)));
    }

    /** Does nothing when the notification is unknown (it may have been purged meanwhile). */
    @Override
    public void markSent(NotificationId id) {
        Expressions update = new Expressions()
                .set(NotificationItems.STATUS, Attributes.s(NotificationStatus.SENT.name()));
        String condition = "attribute_exists(" + update.name(NotificationItems.ID) + ")";
        try {
            dynamo.updateItem(b -> b.tableName(table).key(NotificationItems.key(id))
                    .updateExpression(update.update())
                    .conditionExpression(condition)
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values()));
        } catch (ConditionalCheckFailedException gone) {
            // nothing to mark: an upsert here would leave a half item behind
        }
    }

    @Override
    public Page<Notification> findByRecipient(UserId recipientId, PageRequest page) {
        return byRecipient.page(recipientId.value(), page).map(item -> NotificationItems.read(table, item));
    }

    /**
     * Pages through the recipient's index entries and deletes them in batches. Not atomic, and it need not be:
     * a purge is idempotent, so a failure part-way is finished by the redelivered {@code UserDeleted}. The count is
     * what the index listed; the index is eventually consistent, so a notification written a moment earlier may
     * be missed by one pass: the purge makes a second one after {@link GsiPropagation} is waited out.
     */
    @Override
    public int deleteByRecipient(UserId recipientId) {
        int deleted = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> b.tableName(table)
                    .indexName(TableDefinitions.BY_RECIPIENT_INDEX)
                    .keyConditionExpression("#r = :r")
                    .projectionExpression("#id")
                    .expressionAttributeNames(Map.of("#r", NotificationItems.RECIPIENT_ID, "#id", NotificationItems.ID))
                    .expressionAttributeValues(Map.of(":r", Attributes.s(recipientId.value())))
                    .exclusiveStartKey(from));
            List<Map<String, AttributeValue>> keys = response.items().stream()
                    .map(item -> Map.of(NotificationItems.ID, item.get(NotificationItems.ID)))
                    .toList();
            deletes.delete(keys);
            deleted += keys.size();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return deleted;
    }
}
