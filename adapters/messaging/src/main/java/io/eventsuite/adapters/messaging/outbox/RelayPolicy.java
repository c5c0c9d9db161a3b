package io.eventsuite.adapters.messaging.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the relay is.
 *
 * @param minAge      events younger than this are left alone: the request that wrote them is publishing them right
 *                    now, and racing it would only publish them twice
 * @param maxRefusals an event SNS refused as the sender's fault this many times is parked (a poison event: sending
 *                    the same bytes again will not help, and retrying it every minute forever would hide it)
 */
public record RelayPolicy(Duration minAge, int maxRefusals) {

    public static final RelayPolicy DEFAULTS = new RelayPolicy(Duration.ofSeconds(5), 5);

    public RelayPolicy {
        Objects.requireNonNull(minAge, "minAge");
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("minAge must not be negative, was " + minAge);
        }
        if (maxRefusals < 1) {
            throw new IllegalArgumentException("maxRefusals must be at least 1, was " + maxRefusals);
        }
    }
}
