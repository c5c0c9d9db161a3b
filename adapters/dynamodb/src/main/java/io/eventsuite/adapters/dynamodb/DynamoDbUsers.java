package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.user.User;
import io.eventsuite.domain.user.Users;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.observability.CurrentTransportContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link Users} on a DynamoDB table keyed by {@code id}. Each write is one conditional PutItem or UpdateItem that
 * stores the user and its pending events together (see {@link PendingEventItems}), and recognises its own commit
 * when the SDK retried it after a lost response ({@link OwnWrite}).
 */
public final class DynamoDbUsers implements Users {

    /** A tombstone holding events whose relay keeps failing outlives them; 30 days is the usual retention. */
    public static final Duration DEFAULT_TOMBSTONE_RETENTION = Duration.ofDays(30);
    private static final int ADD_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final PendingEventItems outbox;
    private final Clock clock;
    private final Duration tombstoneRetention;

    /**
     * @param clock              stamps erasure and the tombstone's expiry
     * @param tombstoneRetention how long a tombstone stays before AWS TTL may delete it; it must exceed the longest
     *                           the relay may be down, as the tombstone carries its pending events
     */
    public DynamoDbUsers(DynamoDbClient dynamo, String table, CloudEventCodec codec, Clock clock,
                         Duration tombstoneRetention) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.outbox = new PendingEventItems(codec, CurrentTransportContext::get);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tombstoneRetention = Objects.requireNonNull(tombstoneRetention, "tombstoneRetention");
        if (tombstoneRetention.isNegative() || tombstoneRetention.isZero()) {
            throw new IllegalArgumentException("tombstoneRetention must be positive");
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Items.get(dynamo, table, UserItems.key(id), UserItems.USER_ATTRIBUTES)
                .flatMap(item -> UserItems.read(table, item));
    }

    /**
     * A PutItem if no item exists. When a tombstone is found instead, an UpdateItem conditional on it still being
     * a tombstone revives it and adds the events to those it still holds: none is dropped.
     */
    @Override
    public boolean add(User user, List<EventEnvelope> pending) {
        for (int attempt = 0; attempt < ADD_ATTEMPTS; attempt++) {
            OwnWrite write = new OwnWrite();
            Optional<Map<String, AttributeValue>> found;
            try {
                putNew(user, pending, write);
                return true;
            } catch (ConditionalCheckFailedException exists) {
                found = Items.asFound(exists, () -> Items.get(dynamo, table, UserItems.key(user.id()), List.of()));
            }
            if (write.isIn(found)) {
                return true;
            }
            if (found.isPresent() && !UserItems.isTombstone(found.get())) {
                return false;
            }
            if (found.isPresent() && reviveTombstone(user, pending)) {
                return true;
            }
            // The item changed in between (another registration, or TTL removed the tombstone): look again.
        }
        throw new IllegalStateException("user item " + user.id() + " kept changing during registration");
    }

    private void putNew(User user, List<EventEnvelope> pending, OwnWrite write) {
        Expressions condition = new Expressions();
        dynamo.putItem(b -> b.tableName(table)
                .item(write.stamp(UserItems.newItem(user, outbox.newItemAttributes(pending))))
                .conditionExpression("attribute_not_exists(" + condition.name(UserItems.ID) + ")")
                .expressionAttributeNames(condition.names())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    private boolean reviveTombstone(User user, List<EventEnvelope> pending) {
        Expressions update = new Expressions();
        UserItems.setAll(update, user);
        UserItems.revive(update);
        outbox.addTo(update, pending);
        return update(user.id(), update, "attribute_exists(" + update.name(UserItems.ERASED_AT) + ")");
    }

    @Override
    public boolean replace(User user, long expectedVersion, List<EventEnvelope> pending) {
        Expressions update = new Expressions();
        UserItems.setAll(update, user);
        outbox.addTo(update, pending);
        return update(user.id(), update, isLiveAt(update, expectedVersion));
    }

    @Override
    public boolean erase(UserId id, long expectedVersion, List<EventEnvelope> pending) {
        Instant now = clock.instant();
        Expressions update = new Expressions();
        UserItems.erase(update, now, now.plus(tombstoneRetention));
        outbox.addTo(update, pending);
        return update(id, update, isLiveAt(update, expectedVersion));
    }

    private static String isLiveAt(Expressions update, long expectedVersion) {
        return update.name(UserItems.VERSION) + " = " + update.value(Attributes.n(expectedVersion))
                + " AND attribute_not_exists(" + update.name(UserItems.ERASED_AT) + ")";
    }

    /** One conditional UpdateItem; its own commit, met again by the SDK's retry, counts as done ({@link OwnWrite}). */
    private boolean update(UserId id, Expressions update, String condition) {
        OwnWrite write = new OwnWrite();
        write.stamp(update);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(UserItems.key(id))
                    .updateExpression(update.update())
                    .conditionExpression(condition)
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return write.committedDespite(refused, dynamo, table, UserItems.key(id));
        }
    }
}
