package io.eventsuite.domain.idempotency;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.UnverifiedEmail;
import io.eventsuite.domain.common.Violation;
import io.eventsuite.domain.idempotency.Execution.Reason;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentExecutionTest {

    private static final Duration LOCK = Duration.ofSeconds(30);
    private static final Duration KEEP = Duration.ofHours(24);

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final MutableClock clock = new MutableClock();
    private final IdempotentExecution execution = new IdempotentExecution(store, clock, LOCK, KEEP);
    private final AtomicInteger runs = new AtomicInteger();
    private final Supplier<String> placeOrder = () -> "201 order-" + runs.incrementAndGet();

    @Test
    void the_first_request_with_a_key_runs_the_action() {
        assertThat(execution.run("key-1", "fp-A", placeOrder)).isEqualTo(new Execution.Fresh("201 order-1"));
        assertThat(store.resultOf("key-1")).contains("201 order-1");
    }

    @Test
    void a_retry_with_the_same_key_and_request_replays_the_first_result_without_running_again() {
        execution.run("key-1", "fp-A", placeOrder);
        clock.advance(Duration.ofHours(23));

        assertThat(execution.run("key-1", "fp-A", placeOrder)).isEqualTo(new Execution.Replayed("201 order-1"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void the_same_key_with_a_different_request_is_rejected() {
        execution.run("key-1", "fp-A", placeOrder);

        assertThat(execution.run("key-1", "fp-B", placeOrder))
                .isEqualTo(new Execution.Rejected(Reason.KEY_REUSED_WITH_DIFFERENT_REQUEST));
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_retry_while_the_first_request_still_runs_is_rejected_as_in_progress() {
        Execution[] concurrent = new Execution[1];

        execution.run("key-1", "fp-A", () -> {
            concurrent[0] = execution.run("key-1", "fp-A", placeOrder);
            return "201 first";
        });

        assertThat(concurrent[0]).isEqualTo(new Execution.Rejected(Reason.IN_PROGRESS));
        assertThat(runs).hasValue(0);
    }

    @Test
    void a_key_held_by_a_request_that_died_is_free_again_once_its_lock_expires() {
        assertThat(store.begin("key-1", "fp-A", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);
        clock.advance(LOCK.minusSeconds(1));
        assertThat(execution.run("key-1", "fp-A", placeOrder)).isEqualTo(new Execution.Rejected(Reason.IN_PROGRESS));

        clock.advance(Duration.ofSeconds(1));

        assertThat(execution.run("key-1", "fp-A", placeOrder)).isEqualTo(new Execution.Fresh("201 order-1"));
    }

    @Test
    void once_the_retention_has_passed_a_key_runs_afresh() {
        execution.run("key-1", "fp-A", placeOrder);
        clock.advance(KEEP);

        assertThat(execution.run("key-1", "fp-B", placeOrder)).isEqualTo(new Execution.Fresh("201 order-2"));
    }

    @Test
    void a_request_refused_before_anything_was_written_releases_its_key_so_it_may_be_corrected_at_once() {
        InvalidInput refused = new InvalidInput(java.util.List.of(new Violation("lines", "must hold 1 to 50 lines")));

        assertThatThrownBy(() -> execution.run("key-1", "fp-A", () -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(store.holds("key-1")).isFalse();

        assertThat(execution.run("key-1", "fp-B", placeOrder)).isEqualTo(new Execution.Fresh("201 order-1"));
    }

    @Test
    void a_request_refused_for_an_unverified_email_releases_its_key_as_nothing_was_written() {
        UnverifiedEmail refused = new UnverifiedEmail("not your verified email");

        assertThatThrownBy(() -> execution.run("key-1", "fp-A", () -> {
            throw refused;
        })).isSameAs(refused);

        assertThat(store.holds("key-1")).isFalse();
    }

    @Test
    void after_a_failure_that_may_follow_a_committed_write_the_key_stays_claimed_until_its_lock_expires() {
        IllegalStateException lost = new IllegalStateException("response lost after the write");

        assertThatThrownBy(() -> execution.run("key-1", "fp-A", () -> {
            throw lost;
        })).isSameAs(lost);
        assertThat(execution.run("key-1", "fp-A", placeOrder)).isEqualTo(new Execution.Rejected(Reason.IN_PROGRESS));

        clock.advance(LOCK);

        assertThat(execution.run("key-1", "fp-A", placeOrder)).isEqualTo(new Execution.Fresh("201 order-1"));
    }

    @Test
    void when_the_result_cannot_be_stored_the_failure_surfaces_and_the_key_stays_claimed() {
        store.failNextComplete(new IllegalStateException("idempotency table unavailable"));

        assertThatThrownBy(() -> execution.run("key-1", "fp-A", placeOrder))
                .hasMessage("idempotency table unavailable");

        assertThat(execution.run("key-1", "fp-A", placeOrder)).isEqualTo(new Execution.Rejected(Reason.IN_PROGRESS));
    }

    @Test
    void a_blank_or_oversized_key_is_invalid_input_on_the_header() {
        assertThatThrownBy(() -> execution.run(" ", "fp", placeOrder))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("Idempotency-Key", "must not be blank")));
        assertThatThrownBy(() -> execution.run("k".repeat(256), "fp", placeOrder))
                .isInstanceOf(InvalidInput.class);
        assertThat(runs).hasValue(0);
    }
}
