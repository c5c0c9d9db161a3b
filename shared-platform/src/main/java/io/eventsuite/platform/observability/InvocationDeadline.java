package io.eventsuite.platform.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the current Lambda invocation will be cut off, so outbound calls can time out before it is: a call
 * still running at the deadline dies with the invocation and leaves no trace of why.
 *
 * <p>Set by the route adapter and the batch consumer at the start of each invocation from the Lambda
 * context, cleared at its end. Outside an invocation (tests, the relay's own loop) there is no deadline.
 */
public final class InvocationDeadline {

    private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();

    private InvocationDeadline() {
    }

    public static void start(Context lambda, Clock clock) {
        if (lambda == null) {
            DEADLINE.remove();
        } else {
            DEADLINE.set(clock.instant().plusMillis(lambda.getRemainingTimeInMillis()));
        }
    }

    public static void clear() {
        DEADLINE.remove();
    }

    /** Time left before the invocation is cut off, or empty when not inside an invocation. */
    public static Optional<Duration> remaining(Clock clock) {
        Instant deadline = DEADLINE.get();
        return deadline == null ? Optional.empty() : Optional.of(Duration.between(clock.instant(), deadline));
    }

    /**
     * The time an outbound call may take: at most {@code preferred}, and never past the deadline less
     * {@code margin} (time kept to record the failure and answer). Never negative.
     */
    public static Duration budget(Duration preferred, Duration margin, Clock clock) {
        return remaining(clock)
                .map(left -> left.minus(margin))
                .map(left -> left.compareTo(preferred) < 0 ? left : preferred)
                .map(left -> left.isNegative() ? Duration.ZERO : left)
                .orElse(preferred);
    }
}
