package io.eventsuite.domain.testing;

import io.eventsuite.domain.idempotency.BeginOutcome;
import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link IdempotencyStore} promises, run against the in-memory fake and the DynamoDB adapter alike, so
 * that the domain's tests on the fake hold for the real store. Extend it and say how to build the store.
 */
public abstract class IdempotencyStoreContract {

    protected static final Duration LOCK = Duration.ofSeconds(30);
    protected static final Duration KEEP = Duration.ofHours(24);

    protected final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T09:00:00.250Z"));
    protected IdempotencyStore store;

    /** A store over fresh, empty storage. */
    protected abstract IdempotencyStore newStore();

    /**
     * Another instance over the same storage as {@link #store}, as another Lambda execution environment of the
     * same service holds: it shares the keys, not this instance's claims.
     */
    protected abstract IdempotencyStore anotherInstanceOfTheStore();

    @BeforeEach
    void newStorage() {
        store = newStore();
    }

    @Test
    void aNewKeyStartsAndIsThenInProgressForTheSameRequest() {
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.Started.class);

        clock.advance(LOCK.minusNanos(1));
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);
        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Mismatch.class);
    }

    @Test
    void aCompletedKeyReplaysItsResultToTheSameRequestOnly() {
        begin("k", "fp-1");
        store.complete("k", "{\"status\":201}", clock.instant(), KEEP);

        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("{\"status\":201}"));
        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Mismatch.class);
        clock.advance(KEEP.minusNanos(1));
        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("{\"status\":201}"));
    }

    @Test
    void anExpiredLockIsClaimedAgainBecauseItsHolderDied() {
        begin("k", "fp-1");

        clock.advance(LOCK);

        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.Started.class);
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);
    }

    @Test
    void anExpiredRetentionFreesTheKeyEvenForAnotherRequest() {
        begin("k", "fp-1");
        store.complete("k", "first", clock.instant(), KEEP);

        clock.advance(KEEP);

        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Started.class);
        store.complete("k", "second", clock.instant(), KEEP);
        assertThat(begin("k", "fp-2")).isEqualTo(new BeginOutcome.Replay("second"));
    }

    @Test
    void aLockOutlivingCompletionDoesNotKeepTheResultAlive() {
        begin("k", "fp-1");
        store.complete("k", "short-lived", clock.instant(), Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));

        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.Started.class);
    }

    @Test
    void releaseLetsTheRequestBeTriedAgainAtOnce() {
        begin("k", "fp-1");

        store.release("k");

        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Started.class);
    }

    @Test
    void aRequestWhoseLockWasTakenOverCannotOverwriteOrReleaseItsSuccessor() {
        IdempotencyStore slow = store;
        IdempotencyStore successor = anotherInstanceOfTheStore();
        assertThat(slow.begin("k", "fp-1", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);
        clock.advance(LOCK.plusSeconds(1));
        assertThat(successor.begin("k", "fp-1", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);

        slow.complete("k", "late result", clock.instant(), KEEP);
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);
        slow.release("k");
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);

        successor.complete("k", "successor's result", clock.instant(), KEEP);
        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("successor's result"));
    }

    @Test
    void aReleaseByARequestWhoseLockWasTakenOverLeavesTheSuccessorsClaim() {
        IdempotencyStore successor = anotherInstanceOfTheStore();
        begin("k", "fp-1");
        clock.advance(LOCK);
        assertThat(successor.begin("k", "fp-1", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);

        store.release("k");

        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);
    }

    @Test
    void completingAKeyThisInstanceNeverClaimedIsADefect() {
        anotherInstanceOfTheStore().begin("k", "fp-1", clock.instant(), LOCK);

        assertThatThrownBy(() -> store.complete("k", "r", clock.instant(), KEEP))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.complete("never-begun", "r", clock.instant(), KEEP))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ofConcurrentFirstRequestsExactlyOneStarts() throws Exception {
        List<Callable<BeginOutcome>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            IdempotencyStore instance = i == 0 ? store : anotherInstanceOfTheStore();
            requests.add(() -> instance.begin("k", "fp-1", clock.instant(), LOCK));
        }

        List<BeginOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests.size())) {
            for (Future<BeginOutcome> outcome : pool.invokeAll(requests)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(BeginOutcome.Started.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(BeginOutcome.InProgress.class::isInstance).hasSize(3);
    }

    @Test
    void drivesTheDomainsIdempotentExecution() {
        IdempotentExecution execution = new IdempotentExecution(store, clock, LOCK, KEEP);
        AtomicInteger runs = new AtomicInteger();

        Execution first = execution.run("k", "fp-1", () -> "result-" + runs.incrementAndGet());
        Execution retry = execution.run("k", "fp-1", () -> "result-" + runs.incrementAndGet());
        Execution other = execution.run("k", "fp-2", () -> "result-" + runs.incrementAndGet());

        assertThat(first).isEqualTo(new Execution.Fresh("result-1"));
        assertThat(retry).isEqualTo(new Execution.Replayed("result-1"));
        assertThat(other).isEqualTo(new Execution.Rejected(Execution.Reason.KEY_REUSED_WITH_DIFFERENT_REQUEST));
    }

    protected BeginOutcome begin(String key, String fingerprint) {
        return store.begin(key, fingerprint, clock.instant(), LOCK);
    }
}
