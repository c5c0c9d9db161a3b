package io.eventsuite.adapters.messaging.resilience;

import java.time.Duration;

/**
 * Every number of the resilience around an outbound AWS call (SNS publish, SES send, SQS send), in one place.
 *
 * <p>Retries happen at one layer only: here. The SDK client is built with its own retries off (one attempt per SDK
 * call, see {@link LambdaSdkClients}), so {@link #retryMaxAttempts()} is the total number of HTTP requests one publish
 * can make. The windows are small because a Lambda execution environment lives for minutes and serves one request at
 * a time: a breaker that needed a hundred calls to decide would never decide.
 *
 * <p>Defaults ({@link #DEFAULTS}), and the setting that overrides each (a function's environment variable
 * {@code EVENTSUITE_PUBLISHING_<setting>}, or the property {@code eventsuite.publishing.*}, bound by Spring Boot in
 * adapter-wiring's {@code PublishingProperties}):
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>component</th><th>setting (after the prefix)</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@link #retryMaxAttempts}</td><td>RETRY_MAX_ATTEMPTS</td><td>3</td>
 *       <td>the first try and two retries: enough for a throttle or a 5xx blip, short enough for a user-facing call</td></tr>
 *   <tr><td>{@link #retryInitialBackoff}</td><td>RETRY_INITIAL_BACKOFF</td><td>50 ms</td>
 *       <td>SNS answers in tens of milliseconds; waiting longer mostly burns billed Lambda time</td></tr>
 *   <tr><td>{@link #retryBackoffMultiplier}</td><td>RETRY_BACKOFF_MULTIPLIER</td><td>2.0</td><td>doubling</td></tr>
 *   <tr><td>{@link #retryMaxBackoff}</td><td>RETRY_MAX_BACKOFF</td><td>400 ms</td>
 *       <td>the cap, applied after the jitter, so no wait ever exceeds it</td></tr>
 *   <tr><td>{@link #retryJitter}</td><td>RETRY_JITTER</td><td>0.5</td>
 *       <td>each wait is drawn from [w/2, 3w/2], so containers that failed together do not retry together</td></tr>
 *   <tr><td>{@link #breakerWindowSize}</td><td>BREAKER_WINDOW_SIZE</td><td>10</td><td>the last 10 calls (count-based)</td></tr>
 *   <tr><td>{@link #breakerMinimumCalls}</td><td>BREAKER_MINIMUM_CALLS</td><td>5</td>
 *       <td>no verdict on fewer calls; with 3 attempts per publish, two failed publishes are enough</td></tr>
 *   <tr><td>{@link #breakerFailureRateThreshold}</td><td>BREAKER_FAILURE_RATE_THRESHOLD</td><td>50 (%)</td><td></td></tr>
 *   <tr><td>{@link #breakerOpenDuration}</td><td>BREAKER_OPEN_DURATION</td><td>10 s</td>
 *       <td>long enough to shed load from a struggling SNS, short against a container's life of minutes</td></tr>
 *   <tr><td>{@link #breakerHalfOpenCalls}</td><td>BREAKER_HALF_OPEN_CALLS</td><td>2</td><td>two trial calls decide</td></tr>
 *   <tr><td>{@link #callTimeout}</td><td>CALL_TIMEOUT</td><td>2 s</td>
 *       <td>the client's {@code apiCallAttemptTimeout} and the preferred per-request {@code apiCallTimeout}; covers a
 *       cold TLS handshake after a SnapStart restore, far above SNS's usual tens of milliseconds</td></tr>
 *   <tr><td>{@link #connectTimeout}</td><td>CONNECT_TIMEOUT</td><td>1 s</td><td>TCP connect of the HTTP client</td></tr>
 *   <tr><td>{@link #deadlineMargin}</td><td>DEADLINE_MARGIN</td><td>250 ms</td>
 *       <td>kept free before the Lambda deadline to record the failure and answer</td></tr>
 *   <tr><td>{@link #minimumCallBudget}</td><td>MINIMUM_CALL_BUDGET</td><td>100 ms</td>
 *       <td>with less time than this left, no call is started: it could not finish, and the relay will do it</td></tr>
 * </table>
 *
 * <p>Worst case for one publish with the defaults: 3 attempts of at most 2 s plus waits of at most 75 and 150 ms,
 * and never past the invocation's deadline less the margin.
 */
public record PublishingResilienceConfig(
        int retryMaxAttempts,
        Duration retryInitialBackoff,
        double retryBackoffMultiplier,
        Duration retryMaxBackoff,
        double retryJitter,
        int breakerWindowSize,
        int breakerMinimumCalls,
        float breakerFailureRateThreshold,
        Duration breakerOpenDuration,
        int breakerHalfOpenCalls,
        Duration callTimeout,
        Duration connectTimeout,
        Duration deadlineMargin,
        Duration minimumCallBudget) {

    public static final PublishingResilienceConfig DEFAULTS = new PublishingResilienceConfig(
            3, Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 0.5,
            10, 5, 50f, Duration.ofSeconds(10), 2,
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofMillis(100));

    public PublishingResilienceConfig {
        require(retryMaxAttempts >= 1, "RETRY_MAX_ATTEMPTS", "must be at least 1");
        require(positive(retryInitialBackoff), "RETRY_INITIAL_BACKOFF", "must be positive");
        require(retryBackoffMultiplier >= 1.0, "RETRY_BACKOFF_MULTIPLIER", "must be at least 1.0");
        require(positive(retryMaxBackoff) && retryMaxBackoff.compareTo(retryInitialBackoff) >= 0,
                "RETRY_MAX_BACKOFF", "must be at least the initial backoff");
        require(retryJitter >= 0.0 && retryJitter < 1.0, "RETRY_JITTER", "must be in [0, 1)");
        require(breakerWindowSize >= 1, "BREAKER_WINDOW_SIZE", "must be at least 1");
        require(breakerMinimumCalls >= 1, "BREAKER_MINIMUM_CALLS", "must be at least 1");
        require(breakerFailureRateThreshold > 0f && breakerFailureRateThreshold <= 100f,
                "BREAKER_FAILURE_RATE_THRESHOLD", "must be a percentage in (0, 100]");
        require(positive(breakerOpenDuration), "BREAKER_OPEN_DURATION", "must be positive");
        require(breakerHalfOpenCalls >= 1, "BREAKER_HALF_OPEN_CALLS", "must be at least 1");
        require(positive(callTimeout), "CALL_TIMEOUT", "must be positive");
        require(positive(connectTimeout), "CONNECT_TIMEOUT", "must be positive");
        require(deadlineMargin != null && !deadlineMargin.isNegative(), "DEADLINE_MARGIN", "must not be negative");
        require(positive(minimumCallBudget) && minimumCallBudget.compareTo(callTimeout) <= 0,
                "MINIMUM_CALL_BUDGET", "must be positive and at most the call timeout");
    }

    /** A copy with another open duration. */
    public PublishingResilienceConfig withBreakerOpenDuration(Duration openDuration) {
        return new PublishingResilienceConfig(retryMaxAttempts, retryInitialBackoff, retryBackoffMultiplier,
                retryMaxBackoff, retryJitter, breakerWindowSize, breakerMinimumCalls, breakerFailureRateThreshold,
                openDuration, breakerHalfOpenCalls, callTimeout, connectTimeout, deadlineMargin, minimumCallBudget);
    }

    /** A copy with another number of attempts (1: no retry). */
    public PublishingResilienceConfig withRetryMaxAttempts(int maxAttempts) {
        return new PublishingResilienceConfig(maxAttempts, retryInitialBackoff, retryBackoffMultiplier,
                retryMaxBackoff, retryJitter, breakerWindowSize, breakerMinimumCalls, breakerFailureRateThreshold,
                breakerOpenDuration, breakerHalfOpenCalls, callTimeout, connectTimeout, deadlineMargin,
                minimumCallBudget);
    }

    /** A copy with another deadline margin and minimum call budget. */
    public PublishingResilienceConfig withDeadlineMargin(Duration margin, Duration minimumBudget) {
        return new PublishingResilienceConfig(retryMaxAttempts, retryInitialBackoff, retryBackoffMultiplier,
                retryMaxBackoff, retryJitter, breakerWindowSize, breakerMinimumCalls, breakerFailureRateThreshold,
                breakerOpenDuration, breakerHalfOpenCalls, callTimeout, connectTimeout, margin, minimumBudget);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String setting, String rule) {
        if (!condition) {
            throw new IllegalArgumentException("resilience setting " + setting + " " + rule);
        }
    }
}
