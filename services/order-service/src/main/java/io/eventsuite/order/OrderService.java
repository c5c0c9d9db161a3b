package io.eventsuite.order;

import io.eventsuite.order.config.OrderPriming;
import io.eventsuite.order.config.OrderUseCases;
import io.eventsuite.order.events.OrderConsumers;
import io.eventsuite.order.http.OrderFunctions;
import io.eventsuite.platform.config.IdempotencyConfiguration;
import io.eventsuite.platform.config.PlatformConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The service without its adapters: functions, use cases and the shared layer. Tests put fakes beside it. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformConfiguration.class, IdempotencyConfiguration.class, OrderUseCases.class, OrderFunctions.class,
        OrderConsumers.class, OrderPriming.class})
public class OrderService {
}
