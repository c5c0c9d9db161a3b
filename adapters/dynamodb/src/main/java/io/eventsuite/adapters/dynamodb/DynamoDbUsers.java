package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.user.User;
import io.eventsuite.domain.user.Users;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.observability.CurrentTransportContext;
import io.eventsuite.platform.outbox.PendingEventsFull;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link Users} on a DynamoDB table keyed by {@code id}. Each write is one conditional PutItem or UpdateItem that
 * stores the user and its pending events together (see {@link PendingEventItems}), and recognises its own commit
 * when the SDK retried it after a lost response ({@link OwnWrite}).
 *
 * <p>An erased user leaves a tombstone that keeps the erasure's version and is never expired (see
 * {@link UserItems}): it is what lets a later registration of the id continue the version sequence.
 */
public final class DynamoDbUsers implements Users {

    private final DynamoDbClient dynamo;
    private final String table;
    private final PendingEventItems outbox;
    private final Clock clock;

    /** @param clock stamps erasure */
    public DynamoDbUsers(DynamoDbClient dynamo, String table, CloudEventCodec codec, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.outbox = new PendingEventItems(codec, CurrentTransportContext::get);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Items.get(dynamo, table, UserItems.key(id), UserItems.USER_ATTRIBUTES)
                .flatMap(item -> UserItems.read(table, item));
    }

    @Override
    public OptionalLong erasedVersion(UserId id) {
        return Items.get(dynamo, table, UserItems.key(id), List.of(UserItems.ERASED_AT, UserItems.VERSION))
                .filter(UserItems::isTombstone)
                .map(tombstone -> OptionalLong.of(UserItems.erasedVersion(tombstone)))
                .orElse(OptionalLong.empty());
    }

    /**
     * Version 1: a PutItem if no item exists, or (a tombstone from before erasures kept their version) the revival
     * of a tombstone without a version. A later version: the revival of the tombstone at the version before. A
     * revival is one UpdateItem conditional on that tombstone, adding the events to those it still holds.
     */
    @Override
    public boolean add(User user, List<EventEnvelope> pending) {
        if (user.version() > 1) {
            Expressions update = revival(user, pending);
            return update(user.id(), update, "attribute_exists(" + update.name(UserItems.ERASED_AT) + ") AND "
                    + update.name(UserItems.VERSION) + " = " + update.value(Attributes.n(user.version() - 1)), pending.size());
        }
        OwnWrite write = new OwnWrite();
        Optional<Map<String, AttributeValue>> found;
        try {
            putNew(user, pending, write);
            return true;
        } catch (ConditionalCheckFailedException exists) {
            found = Items.asFound(exists, () -> Items.get(dynamo, table, UserItems.key(user.id()), List.of()));
        }
        if (write.isIn(found)) {
            // our own put, committed before its response was lost and met again by the SDK's retry
            return true;
        }
        if (found.isEmpty() || !UserItems.isTombstone(found.get())) {
            // a live user, or one that was there a moment ago: not ours to overwrite
            return false;
        }
        Expressions update = revival(user, pending);
        return update(user.id(), update, "attribute_exists(" + update.name(UserItems.ERASED_AT) + ") AND "
                + "attribute_not_exists(" + update.name(UserItems.VERSION) + ")", pending.size());
    }

    private void putNew(User user, List<EventEnvelope> pending, OwnWrite write) {
        Expressions condition = new Expressions();
        dynamo.putItem(b -> b.tableName(table)
                .item(write.stamp(UserItems.newItem(user, outbox.newItemAttributes(pending))))
                .conditionExpression("attribute_not_exists(" + condition.name(UserItems.ID) + ")")
                .expressionAttributeNames(condition.names())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    private Expressions revival(User user, List<EventEnvelope> pending) {
        Expressions update = new Expressions();
        UserItems.setAll(update, user);
        UserItems.revive(update);
        outbox.addTo(update, pending);
        return update;
    }

    @Override
    public boolean replace(User user, long expectedVersion, List<EventEnvelope> pending) {
        Expressions update = new Expressions();
        UserItems.setAll(update, user);
        outbox.addTo(update, pending);
        return update(user.id(), update, isLiveAt(update, expectedVersion), pending.size());
    }

    @Override
    public boolean erase(UserId id, long expectedVersion, List<EventEnvelope> pending) {
        Expressions update = new Expressions();
        UserItems.erase(update, expectedVersion + 1, clock.instant());
        outbox.addTo(update, pending);
        return update(id, update, isLiveAt(update, expectedVersion), pending.size());
    }

    private static String isLiveAt(Expressions update, long expectedVersion) {
        return update.name(UserItems.VERSION) + " = " + update.value(Attributes.n(expectedVersion))
                + " AND attribute_not_exists(" + update.name(UserItems.ERASED_AT) + ")";
    }

    /**
     * One conditional UpdateItem; its own commit, met again by the SDK's retry, counts as done ({@link OwnWrite}).
     *
     * @throws PendingEventsFull if the item has no room for the events it would add (nothing is written)
     */
    private boolean update(UserId id, Expressions update, String condition, int adding) {
        OwnWrite write = new OwnWrite();
        write.stamp(update);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(UserItems.key(id))
                    .updateExpression(update.update())
                    .conditionExpression(update.conditionWith(condition))
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return write.committedDespite(refused, adding, dynamo, table, UserItems.key(id));
        }
    }
}
