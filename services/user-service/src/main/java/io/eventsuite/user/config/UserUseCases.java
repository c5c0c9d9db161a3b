package io.eventsuite.user.config;

import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.user.DeletingUser;
import io.eventsuite.domain.user.RegisteringUser;
import io.eventsuite.domain.user.UpdatingUser;
import io.eventsuite.domain.user.Users;
import io.eventsuite.domain.user.ViewingUser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The user use cases, wired to whatever adapters the context provides for their ports ({@link Users},
 * {@link EventPublisher}, and the idempotency store).
 */
@Configuration(proxyBeanMethods = false)
public class UserUseCases {

    @Bean
    RegisteringUser registeringUser(Users users, Clock clock, IdGenerator ids, EventPublisher publisher) {
        return new RegisteringUser(users, clock, ids, publisher);
    }

    @Bean
    ViewingUser viewingUser(Users users) {
        return new ViewingUser(users);
    }

    @Bean
    UpdatingUser updatingUser(Users users, Clock clock, IdGenerator ids, EventPublisher publisher) {
        return new UpdatingUser(users, clock, ids, publisher);
    }

    @Bean
    DeletingUser deletingUser(Users users, Clock clock, IdGenerator ids, EventPublisher publisher) {
        return new DeletingUser(users, clock, ids, publisher);
    }
}
