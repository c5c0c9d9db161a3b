package io.eventsuite.benchmarks.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the clients were told: every acknowledged registration, order, cancellation, update and deletion, with
 * the time the acknowledgement arrived. The checks hold the local cloud's final state against it.
 */
final class Ledger {

    /** One virtual user's account, as its client knows it. */
    static final class Account {

        final int index;
        final String sub;
        final List<String> emails = new CopyOnWriteArrayList<>();
        final List<String> displayNames = new CopyOnWriteArrayList<>();
        /** sku (one per Idempotency-Key) -> the acknowledged order id */
        final Map<String, String> ackedOrders = new ConcurrentHashMap<>();
        /** order id -> when its 201 arrived */
        final Map<String, Instant> ackedAt = new ConcurrentHashMap<>();
        /** skus of orders the client gave up on (no 201 after every retry) */
        final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
        final Set<String> cancelled = ConcurrentHashMap.newKeySet();
        /** order id -> when its ORDER_PLACED notification was created, as the user saw it in GET /notifications */
        final Map<String, Instant> notifiedAt = new ConcurrentHashMap<>();
        volatile boolean registered;
        volatile Instant deletedAt;

        Account(int index, String sub, String email, String displayName) {
            this.index = index;
            this.sub = sub;
            this.emails.add(email);
            this.displayNames.add(displayName);
        }

        boolean deleted() {
            return deletedAt != null;
        }
    }

    /** A POST /orders answered 201 at the first attempt: its trace id and how long the client waited for it. */
    record TracedOrder(String traceId, double clientMillis) {
    }

    final String runId;
    final List<Account> accounts = new CopyOnWriteArrayList<>();
    /** Orders whose trace the hop breakdown can read (those that named one and needed no retry). */
    final List<TracedOrder> tracedOrders = new CopyOnWriteArrayList<>();
    /** Answers a well-behaved client would not expect, e.g. a replayed key that was not replayed. */
    final List<String> anomalies = new CopyOnWriteArrayList<>();

    Ledger(String runId) {
        this.runId = runId;
    }

    String skuPrefix() {
        return "LOAD-" + runId.toUpperCase() + "-";
    }

    long ordersAcknowledged() {
        return accounts.stream().mapToLong(a -> a.ackedOrders.size()).sum();
    }

    long cancellationsAcknowledged() {
        return accounts.stream().mapToLong(a -> a.cancelled.size()).sum();
    }
}
