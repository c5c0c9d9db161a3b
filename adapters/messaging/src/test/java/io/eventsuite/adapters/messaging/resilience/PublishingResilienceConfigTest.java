package io.eventsuite.adapters.messaging.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resilience configuration: documented defaults, checked ranges")
class PublishingResilienceConfigTest {

    @Test
    void the_defaults_are_the_documented_numbers() {
        PublishingResilienceConfig d = PublishingResilienceConfig.DEFAULTS;

        assertThat(d.retryMaxAttempts()).isEqualTo(3);
        assertThat(d.retryInitialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(d.retryBackoffMultiplier()).isEqualTo(2.0);
        assertThat(d.retryMaxBackoff()).isEqualTo(Duration.ofMillis(400));
        assertThat(d.retryJitter()).isEqualTo(0.5);
        assertThat(d.breakerWindowSize()).isEqualTo(10);
        assertThat(d.breakerMinimumCalls()).isEqualTo(5);
        assertThat(d.breakerFailureRateThreshold()).isEqualTo(50f);
        assertThat(d.breakerOpenDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.breakerHalfOpenCalls()).isEqualTo(2);
        assertThat(d.callTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.deadlineMargin()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_value_out_of_range_fails_loudly_and_names_the_setting() {
        assertThatThrownBy(() -> PublishingResilienceConfig.DEFAULTS.withRetryMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resilience setting RETRY_MAX_ATTEMPTS must be at least 1");
        assertThatThrownBy(() -> PublishingResilienceConfig.DEFAULTS.withDeadlineMargin(Duration.ofMillis(250),
                Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resilience setting MINIMUM_CALL_BUDGET must be positive and at most the call timeout");
    }

    @Test
    void the_backoff_doubles_from_50_ms_with_jitter_and_never_exceeds_400_ms() {
        IntervalBiFunction<Object> backoff = PublishingResilience.retryConfig(
                PublishingResilienceConfig.DEFAULTS.withRetryMaxAttempts(8)).getIntervalBiFunction();
        Either<Throwable, Object> failure = Either.left(new RuntimeException());

        List<Long> first = waits(backoff, 1, failure);
        List<Long> second = waits(backoff, 2, failure);
        List<Long> late = waits(backoff, 6, failure);

        assertThat(first).allSatisfy(w -> assertThat(w).isBetween(25L, 75L));
        assertThat(second).allSatisfy(w -> assertThat(w).isBetween(50L, 150L));
        assertThat(late).allSatisfy(w -> assertThat(w).isBetween(200L, 400L)).contains(400L);
        assertThat(first.stream().distinct().count()).as("jittered").isGreaterThan(5);
    }

    private static List<Long> waits(IntervalBiFunction<Object> backoff, int attempt, Either<Throwable, Object> failure) {
        return IntStream.range(0, 200).mapToObj(i -> backoff.apply(attempt, failure)).toList();
    }

    @Test
    void the_breaker_is_count_based_and_small() {
        CircuitBreakerConfig breaker = PublishingResilience.breakerConfig(PublishingResilienceConfig.DEFAULTS);

        assertThat(breaker.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
        assertThat(breaker.getSlidingWindowSize()).isEqualTo(10);
        assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(breaker.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(breaker.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
        assertThat(breaker.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isFalse();
    }
}
