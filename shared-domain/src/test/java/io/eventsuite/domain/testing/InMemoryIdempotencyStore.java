package io.eventsuite.domain.testing;

import io.eventsuite.domain.idempotency.BeginOutcome;
import io.eventsuite.domain.idempotency.IdempotencyStore;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link IdempotencyStore} in memory, honouring lock and retention expiry the way the DynamoDB adapter does
 * with condition expressions on expiry attributes (and TTL for clean-up).
 *
 * <p>Like the DynamoDB store, a successful {@link #begin} stores a random claim token and remembers it in this
 * instance; {@link #complete} and {@link #release} act only while the entry still carries it, so a request whose
 * lock expired and was taken over cannot overwrite or delete its successor's claim. {@link #anotherInstance()}
 * is a second instance over the same keys (another execution environment of the service); both stores pass
 * {@link IdempotencyStoreContract}.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, String claim, Instant lockedUntil, String result, Instant keepUntil) {
        boolean isCompleted() {
            return result != null;
        }

        boolean isLive(Instant now) {
            return isCompleted() ? now.isBefore(keepUntil) : now.isBefore(lockedUntil);
        }
    }

    /** The keys, shared by every instance over the same storage; guarded by itself. */
    private final Map<String, Entry> entries;
    /** The claims this instance won, by key. */
    private final Map<String, String> claims = new ConcurrentHashMap<>();
    private volatile RuntimeException failNextComplete;

    public InMemoryIdempotencyStore() {
        this(new HashMap<>());
    }

    private InMemoryIdempotencyStore(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Another instance over the same keys, as another execution environment of the service would hold. */
    public InMemoryIdempotencyStore anotherInstance() {
        return new InMemoryIdempotencyStore(entries);
    }

    @Override
    public BeginOutcome begin(String key, String fingerprint, Instant now, Duration lockFor) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && entry.isLive(now)) {
                if (!entry.fingerprint().equals(fingerprint)) {
                    return new BeginOutcome.Mismatch();
                }
                return entry.isCompleted() ? new BeginOutcome.Replay(entry.result()) : new BeginOutcome.InProgress();
            }
            String claim = UUID.randomUUID().toString();
            entries.put(key, new Entry(fingerprint, claim, now.plus(lockFor), null, null));
            claims.put(key, claim);
            return new BeginOutcome.Started();
        }
    }

    /** The next {@link #complete} stores nothing and answers {@code failure}, as an unavailable table would. */
    public void failNextComplete(RuntimeException failure) {
        failNextComplete = failure;
    }

    /** @throws IllegalStateException when this instance holds no claim on the key */
    @Override
    public void complete(String key, String result, Instant now, Duration keepFor) {
        RuntimeException failure = failNextComplete;
        failNextComplete = null;
        if (failure != null) {
            throw failure;
        }
        String claim = claims.remove(key);
        if (claim == null) {
            throw new IllegalStateException("complete without begin for " + key);
        }
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && entry.claim().equals(claim)) {
                entries.put(key, new Entry(entry.fingerprint(), claim, entry.lockedUntil(), result, now.plus(keepFor)));
            }
        }
    }

    @Override
    public void release(String key) {
        String claim = claims.remove(key);
        if (claim == null) {
            return;
        }
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && entry.claim().equals(claim) && !entry.isCompleted()) {
                entries.remove(key);
            }
        }
    }

    /** The stored result of a key, whether or not it expired. */
    public Optional<String> resultOf(String key) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key)).map(Entry::result);
        }
    }

    public boolean holds(String key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }
}
