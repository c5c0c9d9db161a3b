package io.eventsuite.adapters.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One conditional write, able to recognise itself. The SDK retries a request whose response was lost (a reset
 * connection, a timeout after DynamoDB had committed); the retry then meets the state its first attempt wrote and
 * fails its own condition. So every write stores a fresh random token in {@code lastWrite}, and when its
 * condition fails, an item carrying that token means the write did happen, and is reported as done.
 *
 * <p>A random token per call, not per request: a different logical write never matches, so the events the caller
 * publishes after a recognised write are exactly the ones stored with it. When another writer wrote after us
 * (between our commit and our retry), our token is gone and the write reports its condition failed, as if the other
 * writer had come first; the use case then reads the item again, and under a request key still recognises its own
 * change there ({@code RequestKey}).
 */
final class OwnWrite {

    static final String ATTRIBUTE = "lastWrite";

    private final AttributeValue token = AttributeValue.fromS(UUID.randomUUID().toString());

    /** The item of a PutItem, with this write's token. */
    Map<String, AttributeValue> stamp(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stamped = new LinkedHashMap<>(item);
        stamped.put(ATTRIBUTE, token);
        return stamped;
    }

    /** Adds this write's token to an UpdateItem. */
    Expressions stamp(Expressions update) {
        return update.set(ATTRIBUTE, token);
    }

    /**
     * Whether the item the condition failed on was written by this very write: from the old item AWS returns with
     * the failure when asked, else (dynalite, or no item) from a consistent read of the token.
     */
    boolean committedDespite(ConditionalCheckFailedException failure, DynamoDbClient dynamo, String table,
                             Map<String, AttributeValue> key) {
        return committedDespite(failure, 0, dynamo, table, key);
    }

    /**
     * As {@link #committedDespite(ConditionalCheckFailedException, DynamoDbClient, String, Map)} for a write that
     * added {@code adding} events to the item's outbox: when it was not ours, the same look at the item tells
     * whether the outbox had no room for them ({@link PendingEventItems#refuseIfFull}). Ours is checked first, as
     * our committed write has itself filled the outbox by {@code adding}.
     *
     * @throws io.eventsuite.platform.outbox.PendingEventsFull when the outbox was full (nothing was written)
     */
    boolean committedDespite(ConditionalCheckFailedException failure, int adding, DynamoDbClient dynamo,
                             String table, Map<String, AttributeValue> key) {
        Optional<Map<String, AttributeValue>> found = Items.asFound(failure,
                () -> Items.get(dynamo, table, key, List.of(ATTRIBUTE, PendingEventItems.PENDING_EVENTS)));
        if (isIn(found)) {
            return true;
        }
        PendingEventItems.refuseIfFull(failure, adding, () -> found);
        return false;
    }

    boolean isIn(Optional<Map<String, AttributeValue>> item) {
        return item.map(found -> token.equals(found.get(ATTRIBUTE))).orElse(false);
    }
}
