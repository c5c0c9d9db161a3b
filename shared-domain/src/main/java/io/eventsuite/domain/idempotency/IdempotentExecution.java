package io.eventsuite.domain.idempotency;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Violations;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs an action at most once per idempotency key, the logic behind the HTTP {@code Idempotency-Key} header:
 * a retry with the same key and request gets the first result; the same key with another request is refused.
 *
 * <p>The result is an opaque string (the platform stores the serialized response). When the action throws, nothing
 * is stored, and the key is released only if the failure is one thrown before anything was written
 * ({@link NothingWritten}: a request refused as invalid), so the client may correct it and retry at once. Any other
 * failure may come after a write committed (its response lost, a timeout), and so may a failure to store the
 * result: then the key stays claimed until its lock expires, and a retry after that runs the action again, which
 * finds its own earlier write through the {@link RequestKey} instead of writing twice.
 */
public final class IdempotentExecution {

    /** Idempotency keys are client-chosen; a UUID fits comfortably, and storage needs a bound. */
    public static final int MAX_KEY_LENGTH = 255;
    static final String KEY_FIELD = "Idempotency-Key";

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration lockFor;
    private final Duration keepFor;

    /**
     * @param lockFor how long a running request holds its key; longer than the function's timeout, so that only
     *                a request that died loses it
     * @param keepFor how long results are replayed (24 hours is common)
     */
    public IdempotentExecution(IdempotencyStore store, Clock clock, Duration lockFor, Duration keepFor) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.lockFor = requirePositive(lockFor, "lockFor");
        this.keepFor = requirePositive(keepFor, "keepFor");
    }

    /**
     * @param key         the client's idempotency key; {@link InvalidInput} on {@code Idempotency-Key} when blank or too long
     * @param fingerprint identifies the request (for example a hash of caller, method, path and body)
     */
    public Execution run(String key, String fingerprint, Supplier<String> action) {
        Violations v = new Violations();
        v.check(key != null && !key.isBlank(), KEY_FIELD, "must not be blank");
        v.check(key == null || key.length() <= MAX_KEY_LENGTH, KEY_FIELD,
                "must be at most " + MAX_KEY_LENGTH + " characters");
        v.throwIfAny();
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(action, "action");

        return switch (store.begin(key, fingerprint, clock.instant(), lockFor)) {
            case BeginOutcome.Started started -> new Execution.Fresh(runHolding(key, action));
            case BeginOutcome.Replay(String result) -> new Execution.Replayed(result);
            case BeginOutcome.InProgress inProgress -> new Execution.Rejected(Execution.Reason.IN_PROGRESS);
            case BeginOutcome.Mismatch mismatch ->
                    new Execution.Rejected(Execution.Reason.KEY_REUSED_WITH_DIFFERENT_REQUEST);
        };
    }

    private String runHolding(String key, Supplier<String> action) {
        String result;
        try {
            result = Objects.requireNonNull(action.get(), "an idempotent action must return a result");
        } catch (RuntimeException failure) {
            if (failure instanceof NothingWritten) {
                store.release(key);
            }
            throw failure;
        }
        store.complete(key, result, clock.instant(), keepFor);
        return result;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}
