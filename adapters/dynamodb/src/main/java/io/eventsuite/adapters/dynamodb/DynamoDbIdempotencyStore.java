package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.idempotency.BeginOutcome;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link IdempotencyStore} on a DynamoDB table keyed by {@code key}, with {@code expiresAt} as its TTL attribute.
 * Expiry is decided in condition expressions, never by TTL (which deletes late, and not at all on dynalite).
 *
 * <p>A successful {@link #begin} writes a random claim token and remembers it in this instance; {@link #complete}
 * and {@link #release} are conditional on the item still carrying that token, so a request whose lock expired
 * and was taken over can neither overwrite nor delete its successor's claim. Use one instance per service,
 * shared by its requests (begin, complete and release of one request run on the same instance, as
 * {@code IdempotentExecution} does).
 *
 * <p>The SDK retries a request whose response was lost; a retried claim then fails its own condition. The claim
 * token tells that apart from another request's claim. {@link #complete} (same claim, same values) and
 * {@link #release} (already gone) are harmless to repeat.
 *
 * <p>Every item's key starts with the owner's prefix and {@code #} ({@code placeOrder#<key>}): one table serves
 * every function, and IAM lets each function touch only the items under its own prefix (a
 * {@code dynamodb:LeadingKeys} condition), so no function can overwrite or replay another's records.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    private static final int BEGIN_ATTEMPTS = 3;
    /** Letters, digits, dot, dash and underscore: nothing IAM's StringLike would read as a wildcard. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final String SEPARATOR = "#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String keyPrefix;
    private final Map<String, String> claims = new ConcurrentHashMap<>();

    /**
     * @param keyPrefix the owner of the records (the function's bean name in the template), written before
     *                  {@code #} at the start of every key; the IAM condition allows {@code <keyPrefix>#*}
     */
    public DynamoDbIdempotencyStore(DynamoDbClient dynamo, String table, String keyPrefix) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("keyPrefix must be 1 to 64 of [A-Za-z0-9._-], is '" + keyPrefix + "'");
        }
        this.keyPrefix = keyPrefix + SEPARATOR;
    }

    /** The item key of a caller's key. */
    private Map<String, AttributeValue> itemKey(String key) {
        return IdempotencyItems.key(keyPrefix + key);
    }

    /**
     * One PutItem, conditional on the key being free: unknown, or its lock expired without a result, or its
     * result's retention expired. When the condition fails, the item found decides the answer.
     */
    @Override
    public BeginOutcome begin(String key, String fingerprint, Instant now, Duration lockFor) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        for (int attempt = 0; attempt < BEGIN_ATTEMPTS; attempt++) {
            String claim = UUID.randomUUID().toString();
            Optional<Map<String, AttributeValue>> found;
            try {
                claim(key, fingerprint, claim, now, now.plus(lockFor));
                claims.put(key, claim);
                return new BeginOutcome.Started();
            } catch (ConditionalCheckFailedException held) {
                found = Items.asFound(held, () -> Items.get(dynamo, table, itemKey(key), List.of()));
            }
            Optional<IdempotencyItems.Entry> entry = found.map(item -> IdempotencyItems.read(table, item));
            if (entry.isPresent() && entry.get().claim().equals(Optional.of(claim))
                    && entry.get().result().isEmpty()) {
                // Our own claim: the write committed, its response was lost and the SDK's retry met it.
                claims.put(key, claim);
                return new BeginOutcome.Started();
            }
            if (entry.isPresent() && entry.get().isLiveAt(now)) {
                if (!entry.get().fingerprint().equals(fingerprint)) {
                    return new BeginOutcome.Mismatch();
                }
                return entry.get().result().<BeginOutcome>map(BeginOutcome.Replay::new)
                        .orElseGet(BeginOutcome.InProgress::new);
            }
            // Released, expired or taken over between the write and the read: try again.
        }
        throw new IllegalStateException("idempotency key kept changing while it was claimed");
    }

    private void claim(String key, String fingerprint, String claim, Instant now, Instant lockedUntil) {
        Expressions condition = new Expressions();
        String result = condition.name(IdempotencyItems.RESULT);
        String nowNanos = condition.value(IdempotencyItems.epochNanos(now));
        String free = "attribute_not_exists(" + condition.name(IdempotencyItems.KEY) + ")"
                + " OR (attribute_not_exists(" + result + ") AND "
                + condition.name(IdempotencyItems.LOCKED_UNTIL) + " <= " + nowNanos + ")"
                + " OR (attribute_exists(" + result + ") AND "
                + condition.name(IdempotencyItems.KEEP_UNTIL) + " <= " + nowNanos + ")";
        dynamo.putItem(b -> b.tableName(table)
                .item(IdempotencyItems.claim(keyPrefix + key, fingerprint, claim, lockedUntil))
                .conditionExpression(free)
                .expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /**
     * One UpdateItem conditional on this request's claim. If the claim was lost (its lock expired and another
     * request took the key over) nothing is written: the successor's outcome stands.
     *
     * @throws IllegalStateException when this instance holds no claim on the key
     */
    @Override
    public void complete(String key, String result, Instant now, Duration keepFor) {
        Objects.requireNonNull(result, "result");
        String claim = claims.remove(key);
        if (claim == null) {
            throw new IllegalStateException("complete without begin for this idempotency key");
        }
        Instant keepUntil = now.plus(keepFor);
        Expressions update = new Expressions()
                .set(IdempotencyItems.RESULT, Attributes.s(result))
                .set(IdempotencyItems.KEEP_UNTIL, IdempotencyItems.epochNanos(keepUntil))
                .set(IdempotencyItems.EXPIRES_AT, IdempotencyItems.ttl(keepUntil));
        String condition = update.name(IdempotencyItems.CLAIM) + " = " + update.value(Attributes.s(claim));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(itemKey(key))
                    .updateExpression(update.update())
                    .conditionExpression(condition)
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values()));
        } catch (ConditionalCheckFailedException claimLost) {
            // Another request owns the key now; its result, not ours, will be replayed.
        }
    }

    /** One DeleteItem conditional on this request's claim; nothing happens when this instance holds none. */
    @Override
    public void release(String key) {
        String claim = claims.remove(key);
        if (claim == null) {
            return;
        }
        Expressions condition = new Expressions();
        String expression = condition.name(IdempotencyItems.CLAIM) + " = " + condition.value(Attributes.s(claim))
                + " AND attribute_not_exists(" + condition.name(IdempotencyItems.RESULT) + ")";
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(itemKey(key))
                    .conditionExpression(expression)
                    .expressionAttributeNames(condition.names())
                    .expressionAttributeValues(condition.values()));
        } catch (ConditionalCheckFailedException claimLost) {
            // Someone else holds the key now: theirs to keep.
        }
    }
}
