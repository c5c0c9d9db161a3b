package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The resilience settings of outbound publishing (SNS publish, SES send, SQS send), bound by Spring Boot from
 * {@code eventsuite.publishing.*}, so a function's environment sets them as {@code EVENTSUITE_PUBLISHING_*}
 * ({@code EVENTSUITE_PUBLISHING_RETRY_MAX_ATTEMPTS=4} is {@code retry.max-attempts}). A setting left out keeps its
 * default from {@link PublishingResilienceConfig#DEFAULTS}, where each number is explained, so the defaults live in
 * one place. Durations take Boot's forms ({@code 400} is milliseconds, {@code 30s}, {@code PT1.5S}). An unknown
 * setting under the prefix, or a value that does not parse or is out of range, fails the function's start: a typo
 * in the template should break the cold start, not silently change nothing.
 */
@ConfigurationProperties(prefix = "eventsuite.publishing", ignoreUnknownFields = false)
public record PublishingProperties(
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker,
        Duration callTimeout,
        Duration connectTimeout,
        Duration deadlineMargin,
        Duration minimumCallBudget) {

    /** {@code eventsuite.publishing.retry.*}: Resilience4j's retry with jittered exponential backoff. */
    public record Retry(Integer maxAttempts, Duration initialBackoff,
            Double backoffMultiplier, Duration maxBackoff, Double jitter) {
    }

    /** {@code eventsuite.publishing.breaker.*}: Resilience4j's count-based circuit breaker. */
    public record Breaker(Integer windowSize, Integer minimumCalls,
            Float failureRateThreshold, Duration openDuration, Integer halfOpenCalls) {
    }

    /** The settings given (null: not set) over the defaults; the record's own checks name a value out of range. */
    public PublishingResilienceConfig toConfig() {
        PublishingResilienceConfig d = PublishingResilienceConfig.DEFAULTS;
        return new PublishingResilienceConfig(
                or(retry.maxAttempts(), d.retryMaxAttempts()),
                or(retry.initialBackoff(), d.retryInitialBackoff()),
                or(retry.backoffMultiplier(), d.retryBackoffMultiplier()),
                or(retry.maxBackoff(), d.retryMaxBackoff()),
                or(retry.jitter(), d.retryJitter()),
                or(breaker.windowSize(), d.breakerWindowSize()),
                or(breaker.minimumCalls(), d.breakerMinimumCalls()),
                or(breaker.failureRateThreshold(), d.breakerFailureRateThreshold()),
                or(breaker.openDuration(), d.breakerOpenDuration()),
                or(breaker.halfOpenCalls(), d.breakerHalfOpenCalls()),
                or(callTimeout, d.callTimeout()),
                or(connectTimeout, d.connectTimeout()),
                or(deadlineMargin, d.deadlineMargin()),
                or(minimumCallBudget, d.minimumCallBudget()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
