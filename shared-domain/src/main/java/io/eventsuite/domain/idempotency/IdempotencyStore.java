package io.eventsuite.domain.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: remembers idempotency keys with the fingerprint of their request and, once done, its result
 * (a DynamoDB table with a TTL in AWS).
 */
public interface IdempotencyStore {

    /**
     * Claims the key atomically (a conditional write).
     *
     * <ul>
     *   <li>unknown, or both its lock and its retention have expired: claim it for {@code lockFor} -> {@link BeginOutcome.Started}</li>
     *   <li>known with another fingerprint -> {@link BeginOutcome.Mismatch}</li>
     *   <li>completed -> {@link BeginOutcome.Replay} with the stored result</li>
     *   <li>claimed and the lock not expired -> {@link BeginOutcome.InProgress}; an expired lock means its holder
     *       died, so the key is claimed again -> {@link BeginOutcome.Started}</li>
     * </ul>
     */
    BeginOutcome begin(String key, String fingerprint, Instant now, Duration lockFor);

    /** Stores the result of the claimed key, to be replayed until {@code now + keepFor}. */
    void complete(String key, String result, Instant now, Duration keepFor);

    /** Gives up a claim without a result, so the request may be tried again at once. */
    void release(String key);
}
