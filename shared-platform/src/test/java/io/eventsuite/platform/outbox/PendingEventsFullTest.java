package io.eventsuite.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A write refused for a full outbox wrote nothing, and its 503 tells the client to retry: the Idempotency-Key must
 * not then hold that retry off with 409 in-progress until the lock expires.
 */
class PendingEventsFullTest {

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final IdempotentExecution execution = new IdempotentExecution(store, new MutableClock(),
            Duration.ofMinutes(2), Duration.ofHours(24));

    @Test
    void a_request_refused_for_a_full_outbox_releases_its_key_so_the_retry_runs_at_once() {
        PendingEventsFull full = new PendingEventsFull(50);

        assertThatThrownBy(() -> execution.run("key-1", "fp-A", () -> {
            throw full;
        })).isSameAs(full);

        assertThat(store.holds("key-1")).isFalse();
        assertThat(execution.run("key-1", "fp-A", () -> "201")).isEqualTo(new Execution.Fresh("201"));
    }
}
