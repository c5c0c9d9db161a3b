package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.user.User;
import io.eventsuite.domain.user.Users;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;

/**
 * {@link Users} in memory, with the semantics of the single-item DynamoDB adapter: each item holds the user
 * (absent once erased: a tombstone) and its pending events. {@link #beforeNextWrite(Runnable)} lets a test
 * slip a concurrent change in between a use case's read and its write.
 */
public final class InMemoryUsers implements Users {

    /** A live user, or a tombstone ({@code user} null) keeping the erasure's version. */
    private record Item(User user, long erasedVersion, List<EventEnvelope> pending) {
        boolean isTombstone() {
            return user == null;
        }
    }

    private final Map<UserId, Item> items = new HashMap<>();
    private final List<StoredWrite<Object>> writes = new ArrayList<>();
    private final Queue<Runnable> interleaved = new ArrayDeque<>();
    private boolean interleaving;

    /** Puts a user in place as if it had been registered long ago, without events. */
    public synchronized InMemoryUsers with(User user) {
        items.put(user.id(), new Item(user, 0, List.of()));
        return this;
    }

    /** Runs {@code concurrentChange} just before the next write is applied, as another request would. */
    public synchronized void beforeNextWrite(Runnable concurrentChange) {
        interleaved.add(concurrentChange);
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(items.get(id)).map(Item::user);
    }

    @Override
    public synchronized OptionalLong erasedVersion(UserId id) {
        Item item = items.get(id);
        return item != null && item.isTombstone() ? OptionalLong.of(item.erasedVersion()) : OptionalLong.empty();
    }

    @Override
    public synchronized boolean add(User user, List<EventEnvelope> pending) {
        runInterleaved();
        Item existing = items.get(user.id());
        long previous = existing == null ? 0 : existing.isTombstone() ? existing.erasedVersion() : -1;
        if (user.version() != previous + 1) {
            return false;
        }
        List<EventEnvelope> carried = existing == null ? List.of() : existing.pending();
        items.put(user.id(), new Item(user, 0, concat(carried, pending)));
        writes.add(new StoredWrite<>("add", user, pending));
        return true;
    }

    @Override
    public synchronized boolean replace(User user, long expectedVersion, List<EventEnvelope> pending) {
        runInterleaved();
        Item existing = items.get(user.id());
        if (existing == null || existing.isTombstone() || existing.user().version() != expectedVersion) {
            return false;
        }
        items.put(user.id(), new Item(user, 0, concat(existing.pending(), pending)));
        writes.add(new StoredWrite<>("replace", user, pending));
        return true;
    }

    @Override
    public synchronized boolean erase(UserId id, long expectedVersion, List<EventEnvelope> pending) {
        runInterleaved();
        Item existing = items.get(id);
        if (existing == null || existing.isTombstone() || existing.user().version() != expectedVersion) {
            return false;
        }
        items.put(id, new Item(null, expectedVersion + 1, concat(existing.pending(), pending)));
        writes.add(new StoredWrite<>("erase", id, pending));
        return true;
    }

    /** Every successful write, in order. */
    public synchronized List<StoredWrite<Object>> writes() {
        return List.copyOf(writes);
    }

    /** The events stored with the user's item and not yet relayed (this fake never relays). */
    public synchronized List<EventEnvelope> pendingEventsOf(UserId id) {
        return Optional.ofNullable(items.get(id)).map(Item::pending).orElse(List.of());
    }

    /** Whether only a tombstone is left of the user. */
    public synchronized boolean isErased(UserId id) {
        return Optional.ofNullable(items.get(id)).map(Item::isTombstone).orElse(false);
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

    private static List<EventEnvelope> concat(List<EventEnvelope> first, List<EventEnvelope> second) {
        List<EventEnvelope> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
