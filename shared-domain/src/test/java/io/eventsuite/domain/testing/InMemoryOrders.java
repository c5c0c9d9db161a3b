package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.Orders;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * {@link Orders} in memory: single-item writes with pending events, conditional replace on version,
 * newest-first keyset pagination with opaque base64 cursors, and a by-customer index that can be made to lag.
 */
public final class InMemoryOrders implements Orders {

    private record Item(Order order, List<EventEnvelope> pending) {
    }

    private final Map<OrderId, Item> items = new HashMap<>();
    private final List<StoredWrite<Order>> writes = new ArrayList<>();
    private final Queue<Runnable> interleaved = new ArrayDeque<>();
    private boolean interleaving;
    private RuntimeException failAfterNextWrite;
    private int pageReads;
    private final LaggingIndex<OrderId> byCustomer = new LaggingIndex<>();

    /** Puts an order in place without events, as if stored long ago. */
    public synchronized InMemoryOrders with(Order order) {
        items.put(order.id(), new Item(order, List.of()));
        return this;
    }

    /**
     * The next write is applied and then answers {@code failure}, as a write does whose response was lost for good
     * (the SDK gave up retrying, or the function timed out waiting).
     */
    public synchronized void failAfterNextWrite(RuntimeException failure) {
        failAfterNextWrite = failure;
    }

    private void failIfAsked() {
        RuntimeException failure = failAfterNextWrite;
        failAfterNextWrite = null;
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs {@code concurrentChange} just before the next write is applied, as another request would. */
    public synchronized void beforeNextWrite(Runnable concurrentChange) {
        interleaved.add(concurrentChange);
    }

    @Override
    public synchronized Optional<Order> findById(OrderId id) {
        return Optional.ofNullable(items.get(id)).map(Item::order);
    }

    @Override
    public synchronized boolean add(Order order, List<EventEnvelope> pending) {
        runInterleaved();
        if (items.containsKey(order.id())) {
            return false;
        }
        items.put(order.id(), new Item(order, List.copyOf(pending)));
        writes.add(new StoredWrite<>("add", order, pending));
        failIfAsked();
        return true;
    }

    @Override
    public synchronized boolean replace(Order order, long expectedVersion, List<EventEnvelope> pending) {
        runInterleaved();
        Item existing = items.get(order.id());
        if (existing == null || existing.order().version() != expectedVersion) {
            return false;
        }
        List<EventEnvelope> all = new ArrayList<>(existing.pending());
        all.addAll(pending);
        items.put(order.id(), new Item(order, List.copyOf(all)));
        writes.add(new StoredWrite<>("replace", order, pending));
        failIfAsked();
        return true;
    }

    @Override
    public synchronized Page<Order> findByCustomer(UserId customerId, PageRequest page) {
        pageReads++;
        List<Order> theirs = items.values().stream().map(Item::order)
                .filter(order -> order.customerId().equals(customerId))
                .filter(order -> byCustomer.lists(order.id()))
                .toList();
        return KeysetPages.newestFirst(theirs, o -> KeysetPages.sortKey(o.placedAt(), o.id().value()), page);
    }

    /** The by-customer index, consistent unless a test makes an order lag behind. */
    public LaggingIndex<OrderId> index() {
        return byCustomer;
    }

    public synchronized List<StoredWrite<Order>> writes() {
        return List.copyOf(writes);
    }

    public synchronized List<EventEnvelope> pendingEventsOf(OrderId id) {
        return Optional.ofNullable(items.get(id)).map(Item::pending).orElse(List.of());
    }

    /** How many pages were read through {@link #findByCustomer}, to see that a consumer paged. */
    public synchronized int pageReads() {
        return pageReads;
    }

    private void runInterleaved() {
        // The concurrent change writes through this fake too; it must not trigger the next queued change.
        if (interleaving) {
            return;
        }
        Runnable change = interleaved.poll();
        if (change != null) {
            interleaving = true;
            try {
                change.run();
            } finally {
                interleaving = false;
            }
        }
    }
}
