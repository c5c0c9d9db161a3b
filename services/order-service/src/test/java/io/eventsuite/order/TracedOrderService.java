package io.eventsuite.order;

import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.order.Orders;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryOrders;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.observability.CurrentTransportContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The order service with in-memory fakes and an in-memory span exporter beside the configured one: what its
 * functions export is read back by the tests. Its publisher encodes events as the SNS publisher does, stamped with
 * the invocation's current trace, so a test can hand them on to a consumer.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OrderService.class)
public class TracedOrderService {

    public static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    public static final List<String> PUBLISHED = new CopyOnWriteArrayList<>();
    static final InMemoryOrders ORDERS = new InMemoryOrders();
    static final InMemoryIdempotencyStore IDEMPOTENCY = new InMemoryIdempotencyStore();

    @Bean
    SpanExporter inMemorySpanExporter() {
        return SPANS;
    }

    @Bean
    Orders orders() {
        return ORDERS;
    }

    @Bean
    IndexLag indexLag() {
        return ORDERS.index().settling();
    }

    @Bean
    EventPublisher eventPublisher(CloudEventCodec codec) {
        return events -> {
            for (EventEnvelope event : events) {
                PUBLISHED.add(codec.encode(event, CurrentTransportContext.get()));
            }
        };
    }

    @Bean
    IdempotencyStore idempotencyStore() {
        return IDEMPOTENCY;
    }
}
