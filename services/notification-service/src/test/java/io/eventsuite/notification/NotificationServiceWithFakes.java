package io.eventsuite.notification;

import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.notification.NotificationChannel;
import io.eventsuite.domain.notification.Notifications;
import io.eventsuite.domain.notification.Recipients;
import io.eventsuite.domain.testing.CapturingNotificationChannel;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryNotifications;
import io.eventsuite.domain.testing.InMemoryRecipients;
import io.eventsuite.platform.testing.ToCurrentFake;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import io.eventsuite.notification.config.NotificationPriming;
import io.eventsuite.platform.snapstart.PrimingSandbox;
import org.springframework.context.annotation.Import;

/**
 * The notification service as deployed, with in-memory fakes in place of its DynamoDB tables and the SES channel.
 * Each test makes its own fakes ({@link #freshFakes()}, as a field initializer); every function's context (one per
 * function, as in Lambda, kept warm across tests) reaches the fakes of the test running now, and nothing passes
 * from one test to the next.
 */
@SpringBootConfiguration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
@Import(NotificationService.class)
public class NotificationServiceWithFakes {

    /** One test's fakes. */
    public record Fakes(InMemoryNotifications notifications, InMemoryRecipients recipients,
                        CapturingNotificationChannel channel, InMemoryIdempotencyStore processed) {
    }

    private static final AtomicReference<Fakes> CURRENT = new AtomicReference<>(newFakes());

    /** New, empty fakes for the test about to run; the functions use them from now on. */
    public static Fakes freshFakes() {
        Fakes fakes = newFakes();
        CURRENT.set(fakes);
        return fakes;
    }

    /** The fakes the last SnapStart priming ran against (see {@link #primingSandbox}), or null. */
    public static Fakes lastPriming() {
        return LAST_PRIMING.get();
    }

    private static final AtomicReference<Fakes> LAST_PRIMING = new AtomicReference<>();

    /**
     * SnapStart priming's sandbox, for fakes: the priming runs against fakes of its own (holding the sample recipient,
     * as the real sandbox's GetItem finds it), so the test's fakes see nothing of it.
     */
    @Bean
    PrimingSandbox primingSandbox() {
        return priming -> {
            Fakes tests = CURRENT.get();
            Fakes primings = newFakes();
            primings.recipients().with(NotificationPriming.SAMPLE_RECIPIENT);
            LAST_PRIMING.set(primings);
            CURRENT.set(primings);
            try {
                priming.run();
            } finally {
                CURRENT.set(tests);
            }
        };
    }

    private static Fakes newFakes() {
        return new Fakes(new InMemoryNotifications(), new InMemoryRecipients(), new CapturingNotificationChannel(),
                new InMemoryIdempotencyStore());
    }

    @Bean
    IdempotencyStore idempotencyStore() {
        return ToCurrentFake.of(IdempotencyStore.class, () -> CURRENT.get().processed());
    }

    @Bean
    Notifications notifications() {
        return ToCurrentFake.of(Notifications.class, () -> CURRENT.get().notifications());
    }

    @Bean
    Recipients recipients() {
        return ToCurrentFake.of(Recipients.class, () -> CURRENT.get().recipients());
    }

    @Bean
    IndexLag indexLag() {
        return ToCurrentFake.of(IndexLag.class, () -> CURRENT.get().notifications().index().settling());
    }

    @Bean
    NotificationChannel notificationChannel() {
        return ToCurrentFake.of(NotificationChannel.class, () -> CURRENT.get().channel());
    }
}
