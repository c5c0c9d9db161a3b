package io.eventsuite.user;

import io.eventsuite.user.config.UserAdapters;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The user service as deployed: one Lambda function per route (and the outbox relay), all in this
 * application; each Lambda pins its bean with {@code SPRING_CLOUD_FUNCTION_DEFINITION}. Wiring is explicit
 * (no component scanning).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({UserService.class, UserAdapters.class})
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
