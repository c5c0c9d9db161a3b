package io.eventsuite.order;

import io.eventsuite.order.config.OrderUseCases;
import io.eventsuite.order.events.OrderConsumers;
import io.eventsuite.order.http.OrderFunctions;
import io.eventsuite.platform.config.IdempotencyConfiguration;
import io.eventsuite.platform.config.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The order service: one Lambda function per route and per event consumer, all in this application; each
 * Lambda pins its bean with {@code SPRING_CLOUD_FUNCTION_DEFINITION}. Wiring is explicit (no scanning).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, IdempotencyConfiguration.class, OrderUseCases.class, OrderFunctions.class,
        OrderConsumers.class})
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
