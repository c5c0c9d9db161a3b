package io.eventsuite.order;

import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.order.Orders;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryOrders;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The order service as deployed, with in-memory fakes in place of its DynamoDB and SNS adapters, shared by
 * every function's context (one per function, as in Lambda) as they would share one table.
 */
@SpringBootConfiguration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
@Import(OrderService.class)
public class OrderServiceWithFakes {

    public static final InMemoryOrders ORDERS = new InMemoryOrders();
    public static final RecordingEventPublisher PUBLISHER = new RecordingEventPublisher();
    public static final InMemoryIdempotencyStore IDEMPOTENCY = new InMemoryIdempotencyStore();

    @Bean
    Orders orders() {
        return ORDERS;
    }

    @Bean
    IndexLag indexLag() {
        return ORDERS.index().settling();
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
