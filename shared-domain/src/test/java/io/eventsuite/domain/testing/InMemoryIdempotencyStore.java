package io.eventsuite.domain.testing;

import io.eventsuite.domain.idempotency.BeginOutcome;
import io.eventsuite.domain.idempotency.IdempotencyStore;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdempotencyStore} in memory, honouring lock and retention expiry the way the DynamoDB adapter does
 * with condition expressions on expiry attributes (and TTL for clean-up).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, Instant lockedUntil, String result, Instant keepUntil) {
        boolean isCompleted() {
            return result != null;
        }

        boolean isLive(Instant now) {
            return isCompleted() ? now.isBefore(keepUntil) : now.isBefore(lockedUntil);
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized BeginOutcome begin(String key, String fingerprint, Instant now, Duration lockFor) {
        Entry entry = entries.get(key);
        if (entry != null && entry.isLive(now)) {
            if (!entry.fingerprint().equals(fingerprint)) {
                return new BeginOutcome.Mismatch();
            }
            return entry.isCompleted() ? new BeginOutcome.Replay(entry.result()) : new BeginOutcome.InProgress();
        }
        entries.put(key, new Entry(fingerprint, now.plus(lockFor), null, null));
        return new BeginOutcome.Started();
    }

    @Override
    public synchronized void complete(String key, String result, Instant now, Duration keepFor) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalStateException("complete without begin for " + key);
        }
        entries.put(key, new Entry(entry.fingerprint(), entry.lockedUntil(), result, now.plus(keepFor)));
    }

    @Override
    public synchronized void release(String key) {
        entries.remove(key);
    }

    /** The stored result of a key, whether or not it expired. */
    public synchronized Optional<String> resultOf(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::result);
    }

    public synchronized boolean holds(String key) {
        return entries.containsKey(key);
    }
}
