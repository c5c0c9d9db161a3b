package io.eventsuite.adapters.messaging.resilience;

import io.eventsuite.platform.observability.InvocationDeadline;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The resilience around one outbound integration (one SNS topic, SES, one SQS queue): a Resilience4j {@link Retry}
 * around a {@link CircuitBreaker} around each SDK call, with the call's timeout derived from the Lambda invocation's
 * remaining time.
 *
 * <p>Per attempt: the time budget is {@code InvocationDeadline.budget(callTimeout, deadlineMargin)}; below
 * {@code minimumCallBudget} no call starts ({@link DeadlineReached}). Otherwise the breaker is asked, and the call runs
 * with that budget, which the caller sets as the request's {@code apiCallTimeout}. Transient failures
 * ({@link TransientFailures}) are retried with capped, jittered exponential backoff and recorded by the breaker; other
 * failures are thrown at once and ignored by the breaker. An open breaker answers {@link CallNotPermittedException}
 * at once, without retry.
 *
 * <p>The retry wraps the breaker, so every attempt counts in the breaker's window: with the defaults two publishes
 * that fail three times each open it. The SDK client must not retry itself ({@link LambdaSdkClients}).
 *
 * <p>Metrics, bound to the given registry: {@code resilience4j.retry.calls} (tag {@code kind}),
 * {@code resilience4j.circuitbreaker.state}, {@code .calls}, {@code .not.permitted.calls}, {@code .failure.rate},
 * each tagged {@code name}.
 */
public final class PublishingResilience {

    private final PublishingResilienceConfig config;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Clock clock;

    private PublishingResilience(PublishingResilienceConfig config, Retry retry, CircuitBreaker breaker, Clock clock) {
        this.config = config;
        this.retry = retry;
        this.breaker = breaker;
        this.clock = clock;
    }

    /**
     * @param name   names the retry and the breaker in metrics, such as {@code sns-order-events} or {@code ses};
     *               unique per meter registry (a second binding of the same name would not be reported)
     * @param meters where the retry and breaker metrics go
     * @param clock  the clock the invocation deadline was started with
     */
    public static PublishingResilience create(String name, PublishingResilienceConfig config, MeterRegistry meters,
                                              Clock clock) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(clock, "clock");
        RetryRegistry retries = RetryRegistry.of(retryConfig(config));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(breakerConfig(config));
        Retry retry = retries.retry(name);
        CircuitBreaker breaker = breakers.circuitBreaker(name);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        return new PublishingResilience(config, retry, breaker, clock);
    }

    static RetryConfig retryConfig(PublishingResilienceConfig config) {
        return RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                // the cap applies after the jitter: no wait exceeds retryMaxBackoff
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(config.retryInitialBackoff(),
                        config.retryBackoffMultiplier(), config.retryJitter(), config.retryMaxBackoff()))
                .retryOnException(TransientFailures::isTransient)
                .build();
    }

    static CircuitBreakerConfig breakerConfig(PublishingResilienceConfig config) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.breakerWindowSize())
                .minimumNumberOfCalls(config.breakerMinimumCalls())
                .failureRateThreshold(config.breakerFailureRateThreshold())
                .waitDurationInOpenState(config.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(config.breakerHalfOpenCalls())
                // No timer thread (a frozen Lambda would not run it): the next call after the wait goes half-open.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(TransientFailures::isTransient)
                .ignoreException(failure -> !TransientFailures.isTransient(failure))
                .build();
    }

    /**
     * Runs {@code attempt} with retry and breaker; it receives the time budget to set as the request's
     * {@code apiCallTimeout}. Throws the last failure, {@link CallNotPermittedException} when the breaker is open, or
     * {@link DeadlineReached} when no (further) attempt could start in time.
     */
    public <T> T call(Function<Duration, T> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        return retry.executeSupplier(() -> {
            Duration budget = budget();
            if (budget.compareTo(config.minimumCallBudget()) < 0) {
                throw new DeadlineReached(budget);
            }
            return breaker.executeSupplier(() -> attempt.apply(budget));
        });
    }

    /**
     * Whether the breaker would let a call through now. An open breaker whose wait is over turns half-open here (the
     * permission taken to find out is given back), so a caller that checks before each call is never stuck. While it
     * is open, each check counts as a not-permitted call in the metrics: a call skipped.
     */
    public boolean permitsCalls() {
        if (breaker.tryAcquirePermission()) {
            breaker.releasePermission();
            return true;
        }
        return false;
    }

    /** Whether a call could still start before the invocation's deadline (always, outside an invocation). */
    public boolean hasTimeLeft() {
        return budget().compareTo(config.minimumCallBudget()) >= 0;
    }

    /** The time the next call may take: the call timeout, or less when the invocation's deadline is nearer. */
    public Duration budget() {
        return InvocationDeadline.budget(config.callTimeout(), config.deadlineMargin(), clock);
    }

    public PublishingResilienceConfig config() {
        return config;
    }

    public Retry retry() {
        return retry;
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public Clock clock() {
        return clock;
    }
}
