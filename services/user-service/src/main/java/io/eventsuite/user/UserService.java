package io.eventsuite.user;

import io.eventsuite.platform.config.IdempotencyConfiguration;
import io.eventsuite.platform.config.PlatformConfiguration;
import io.eventsuite.user.config.UserUseCases;
import io.eventsuite.user.http.UserFunctions;
import io.eventsuite.user.identity.IdentityFunctions;
import org.springframework.context.annotation.Configuration;
import io.eventsuite.user.config.UserPriming;
import org.springframework.context.annotation.Import;

/** The service without its adapters: functions, use cases and the shared layer. Tests put fakes beside it. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformConfiguration.class, IdempotencyConfiguration.class, UserUseCases.class, UserFunctions.class,
        IdentityFunctions.class, UserPriming.class})
public class UserService {
}
