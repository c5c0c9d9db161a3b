package io.eventsuite.user;

import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryUsers;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.user.Users;
import io.eventsuite.platform.testing.ToCurrentFake;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The user service as deployed, with in-memory fakes in place of its DynamoDB and SNS adapters. Each test makes
 * its own fakes ({@link #freshFakes()}, as a field initializer); every function's context (one per function, as
 * in Lambda, kept warm across tests) reaches the fakes of the test running now, so a test's functions share one
 * state, as they would share one table, and nothing passes from one test to the next.
 */
@SpringBootConfiguration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
@Import(UserService.class)
public class UserServiceWithFakes {

    /** One test's fakes. */
    public record Fakes(InMemoryUsers users, RecordingEventPublisher publisher, InMemoryIdempotencyStore idempotency) {
    }

    private static final AtomicReference<Fakes> CURRENT = new AtomicReference<>(newFakes());

    /** New, empty fakes for the test about to run; the functions use them from now on. */
    public static Fakes freshFakes() {
        Fakes fakes = newFakes();
        CURRENT.set(fakes);
        return fakes;
    }

    private static Fakes newFakes() {
        return new Fakes(new InMemoryUsers(), new RecordingEventPublisher(), new InMemoryIdempotencyStore());
    }

    @Bean
    Users users() {
        return ToCurrentFake.of(Users.class, () -> CURRENT.get().users());
    }

    @Bean
    EventPublisher eventPublisher() {
        return ToCurrentFake.of(EventPublisher.class, () -> CURRENT.get().publisher());
    }

    @Bean
    IdempotencyStore idempotencyStore() {
        return ToCurrentFake.of(IdempotencyStore.class, () -> CURRENT.get().idempotency());
    }
}
