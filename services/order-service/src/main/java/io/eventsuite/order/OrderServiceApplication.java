package io.eventsuite.order;

import io.eventsuite.order.config.OrderAdapters;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The order service as deployed: one Lambda function per route and per event consumer (and the outbox
 * relay), all in this application; each Lambda pins its bean with {@code SPRING_CLOUD_FUNCTION_DEFINITION}.
 * Wiring is explicit (no component scanning).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OrderService.class, OrderAdapters.class})
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
