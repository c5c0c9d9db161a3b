package io.eventsuite.user;

import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryUsers;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.user.Users;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The user service as deployed, with in-memory fakes in place of its DynamoDB and SNS adapters. The fakes
 * are static so that every function's context (one per function, as in Lambda) shares one state, as they
 * would share one table.
 */
@SpringBootConfiguration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
@Import(UserService.class)
public class UserServiceWithFakes {

    public static final InMemoryUsers USERS = new InMemoryUsers();
    public static final RecordingEventPublisher PUBLISHER = new RecordingEventPublisher();
    public static final InMemoryIdempotencyStore IDEMPOTENCY = new InMemoryIdempotencyStore();

    @Bean
    Users users() {
        return USERS;
    }

    @Bean
    EventPublisher eventPublisher() {
        return PUBLISHER;
    }

    @Bean
    IdempotencyStore idempotencyStore() {
        return IDEMPOTENCY;
    }
}
