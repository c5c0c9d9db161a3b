package io.eventsuite.domain.testing;

import io.eventsuite.domain.notification.NotificationChannel;
import io.eventsuite.domain.notification.OutgoingMessage;

import java.util.ArrayList;
import java.util.List;

/** {@link NotificationChannel} that captures messages instead of sending them, and can fail on demand. */
public final class CapturingNotificationChannel implements NotificationChannel {

    /** What the channel throws when told to fail: a transport failure. */
    public static final class DeliveryFailed extends RuntimeException {
        public DeliveryFailed() {
            super("simulated delivery failure");
        }
    }

    private final List<OutgoingMessage> sent = new ArrayList<>();
    private int failuresLeft;
    private int attempts;

    /** The next {@code times} sends throw {@link DeliveryFailed}. */
    public synchronized void failNext(int times) {
        this.failuresLeft = times;
    }

    @Override
    public synchronized void send(OutgoingMessage message) {
        attempts++;
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new DeliveryFailed();
        }
        sent.add(message);
    }

    public synchronized List<OutgoingMessage> sent() {
        return List.copyOf(sent);
    }

    public synchronized int attempts() {
        return attempts;
    }
}
