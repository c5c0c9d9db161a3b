package io.eventsuite.adapters.dynamodb;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each repository method calls in DynamoDB, and on what (the table itself or one of its indexes): the
 * source of least-privilege IAM. The template's rule tests (deployment-tests) grant each function exactly the
 * actions of the methods its use cases call, and {@code DynamoDbActionsTest} runs every method through each of its
 * paths on dynalite and checks that the calls it makes are exactly these. Change a method's calls and both fail
 * until this list and the template say the same.
 *
 * <p>Methods are named {@code <adapter class>.<method>}, as in {@code DynamoDbUsers.findById}.
 */
public final class DynamoDbActions {

    /** The DynamoDB API actions the repositories use (and so the IAM actions, {@code dynamodb:<name>}). */
    public enum Action {
        GetItem, PutItem, UpdateItem, DeleteItem, Query, BatchWriteItem;

        public String iam() {
            return "dynamodb:" + name();
        }
    }

    /** One action, on the base table ({@code index} empty) or on one of its global secondary indexes. */
    public record Call(Action action, Optional<String> index) {

        static Call onTable(Action action) {
            return new Call(action, Optional.empty());
        }

        static Call onIndex(Action action, String index) {
            return new Call(action, Optional.of(index));
        }

        @Override
        public String toString() {
            return action.iam() + index.map(i -> " on index " + i).orElse("");
        }
    }

    /** Methods that hand out or read signed page cursors: only functions calling them get the cursor key. */
    public static final Set<String> SIGN_PAGE_CURSORS = Set.of(
            "DynamoDbOrders.findByCustomer",
            "DynamoDbNotifications.findByRecipient");

    private static final Call GET = Call.onTable(Action.GetItem);
    private static final Call PUT = Call.onTable(Action.PutItem);
    private static final Call UPDATE = Call.onTable(Action.UpdateItem);
    private static final Call DELETE = Call.onTable(Action.DeleteItem);

    private static final Map<String, Set<Call>> BY_METHOD = Map.ofEntries(
            Map.entry("DynamoDbUsers.findById", Set.of(GET)),
            Map.entry("DynamoDbUsers.erasedVersion", Set.of(GET)),
            // Put if new; on a failed condition read what is there (dynalite never returns it), revive a tombstone.
            Map.entry("DynamoDbUsers.add", Set.of(PUT, GET, UPDATE)),
            // On a failed condition, read the item (dynalite never returns it; AWS not when it is gone): was it our
            // own write, retried by the SDK after a lost response (OwnWrite), or is the outbox full?
            Map.entry("DynamoDbUsers.replace", Set.of(UPDATE, GET)),
            Map.entry("DynamoDbUsers.erase", Set.of(UPDATE, GET)),

            Map.entry("DynamoDbOrders.findById", Set.of(GET)),
            // On a failed condition, read the item's write token: our own write, retried by the SDK (OwnWrite)?
            Map.entry("DynamoDbOrders.add", Set.of(PUT, GET)),
            Map.entry("DynamoDbOrders.replace", Set.of(UPDATE, GET)),
            Map.entry("DynamoDbOrders.findByCustomer",
                    Set.of(Call.onIndex(Action.Query, TableDefinitions.BY_CUSTOMER_INDEX))),

            Map.entry("DynamoDbNotifications.findById", Set.of(GET)),
            Map.entry("DynamoDbNotifications.addPending", Set.of(PUT)),
            Map.entry("DynamoDbNotifications.markSent", Set.of(UPDATE)),
            Map.entry("DynamoDbNotifications.delete", Set.of(DELETE)),
            Map.entry("DynamoDbNotifications.findByRecipient",
                    Set.of(Call.onIndex(Action.Query, TableDefinitions.BY_RECIPIENT_INDEX))),
            Map.entry("DynamoDbNotifications.deleteByRecipient",
                    Set.of(Call.onIndex(Action.Query, TableDefinitions.BY_RECIPIENT_INDEX),
                            Call.onTable(Action.BatchWriteItem))),

            Map.entry("DynamoDbRecipients.find", Set.of(GET)),
            Map.entry("DynamoDbRecipients.upsertIfNewer", Set.of(PUT)),
            // The tombstone replaces the whole item.
            Map.entry("DynamoDbRecipients.eraseIfNewer", Set.of(PUT)),

            // Reading the outbox index also drops items whose pending map is already empty from it.
            Map.entry("DynamoDbPendingEvents.oldest",
                    Set.of(Call.onIndex(Action.Query, TableDefinitions.PENDING_EVENTS_INDEX), UPDATE)),
            Map.entry("DynamoDbPendingEvents.markPublished", Set.of(UPDATE)),
            // Count a refusal in the event's entry; at the limit move it to the parked map and settle the item.
            Map.entry("DynamoDbPendingEvents.recordRefusals", Set.of(UPDATE)),
            Map.entry("DynamoDbPendingEvents.parkedCount",
                    Set.of(Call.onIndex(Action.Query, TableDefinitions.PENDING_EVENTS_INDEX))),

            Map.entry("DynamoDbIdempotencyStore.begin", Set.of(PUT, GET)),
            Map.entry("DynamoDbIdempotencyStore.complete", Set.of(UPDATE)),
            Map.entry("DynamoDbIdempotencyStore.release", Set.of(DELETE)));

    private DynamoDbActions() {
    }

    /** Every declared method, {@code <adapter class>.<method>}. */
    public static Set<String> methods() {
        return BY_METHOD.keySet();
    }

    /** @throws IllegalArgumentException for a method nobody declared: a typo must not grant nothing silently */
    public static Set<Call> of(String method) {
        Set<Call> calls = BY_METHOD.get(method);
        if (calls == null) {
            throw new IllegalArgumentException("no declared DynamoDB calls for " + method + "; declared: "
                    + new TreeSet<>(BY_METHOD.keySet()));
        }
        return calls;
    }
}
