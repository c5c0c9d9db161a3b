package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.IndexLag;

import java.util.HashSet;
import java.util.Set;

/**
 * An eventually consistent secondary index for the in-memory fakes: the items a test names are in the table but
 * not yet in the index, until {@link #settling()} is waited out. It lets a domain test show the race DynamoDB's
 * global secondary indexes have (and dynalite's, consistent at once, cannot).
 */
public final class LaggingIndex<K> {

    private final Set<K> notYetIndexed = new HashSet<>();
    private int waits;

    /** The item is written but the index does not list it yet. */
    public synchronized void lagBehind(K key) {
        notYetIndexed.add(key);
    }

    public synchronized boolean lists(K key) {
        return !notYetIndexed.contains(key);
    }

    /** The index catching up: every item written so far becomes visible. */
    public IndexLag settling() {
        return () -> {
            synchronized (this) {
                waits++;
                notYetIndexed.clear();
            }
        };
    }

    /** How often a use case waited for the index. */
    public synchronized int waits() {
        return waits;
    }
}
