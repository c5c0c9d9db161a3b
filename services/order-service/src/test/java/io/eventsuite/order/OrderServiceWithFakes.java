package io.eventsuite.order;

import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.order.Orders;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryOrders;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.order.config.OrderPriming;
import io.eventsuite.platform.snapstart.PrimingSandbox;
import io.eventsuite.platform.testing.ToCurrentFake;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The order service as deployed, with in-memory fakes in place of its DynamoDB and SNS adapters. Each test makes
 * its own fakes ({@link #freshFakes()}, as a field initializer); every function's context (one per function, as
 * in Lambda, kept warm across tests) reaches the fakes of the test running now, so a test's functions share one
 * state, as they would share one table, and nothing passes from one test to the next.
 */
@SpringBootConfiguration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
@Import(OrderService.class)
public class OrderServiceWithFakes {

    /** One test's fakes. */
    public record Fakes(InMemoryOrders orders, RecordingEventPublisher publisher, InMemoryIdempotencyStore idempotency) {
    }

    private static final AtomicReference<Fakes> CURRENT = new AtomicReference<>(newFakes());

    /** New, empty fakes for the test about to run; the functions use them from now on. */
    public static Fakes freshFakes() {
        Fakes fakes = newFakes();
        CURRENT.set(fakes);
        return fakes;
    }

    private static Fakes newFakes() {
        return new Fakes(new InMemoryOrders(), new RecordingEventPublisher(), new InMemoryIdempotencyStore());
    }

    @Bean
    Orders orders() {
        return ToCurrentFake.of(Orders.class, () -> CURRENT.get().orders());
    }

    @Bean
    IndexLag indexLag() {
        return ToCurrentFake.of(IndexLag.class, () -> CURRENT.get().orders().index().settling());
    }

    @Bean
    EventPublisher eventPublisher() {
        return ToCurrentFake.of(EventPublisher.class, () -> CURRENT.get().publisher());
    }

    /**
     * SnapStart priming's sandbox, for fakes: the priming runs against fakes of its own (holding the sample order, as
     * the real sandbox's GetItem finds it), so the test's fakes see nothing of it.
     */
    @Bean
    PrimingSandbox primingSandbox() {
        return priming -> {
            Fakes tests = CURRENT.get();
            Fakes primings = newFakes();
            primings.orders().with(OrderPriming.sampleOrder());
            CURRENT.set(primings);
            try {
                priming.run();
            } finally {
                CURRENT.set(tests);
            }
        };
    }

    @Bean
    IdempotencyStore idempotencyStore() {
        return ToCurrentFake.of(IdempotencyStore.class, () -> CURRENT.get().idempotency());
    }
}
