package io.eventsuite.user;

import io.eventsuite.platform.config.IdempotencyConfiguration;
import io.eventsuite.platform.config.PlatformConfiguration;
import io.eventsuite.user.config.UserUseCases;
import io.eventsuite.user.http.UserFunctions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The user service: one Lambda function per route, all in this application; each function's Lambda pins
 * its bean with {@code SPRING_CLOUD_FUNCTION_DEFINITION}. Wiring is explicit (no component scanning).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, IdempotencyConfiguration.class, UserUseCases.class, UserFunctions.class})
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
