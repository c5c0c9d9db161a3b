package io.eventsuite.order.config;

import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.order.CancelingOrder;
import io.eventsuite.domain.order.CancelingOrdersOfDeletedUser;
import io.eventsuite.domain.order.ListingOrders;
import io.eventsuite.domain.order.Orders;
import io.eventsuite.domain.order.PlacingOrder;
import io.eventsuite.domain.order.ViewingOrder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order use cases, wired to the adapters the context provides for {@link Orders} and {@link EventPublisher}. */
@Configuration(proxyBeanMethods = false)
public class OrderUseCases {

    @Bean
    PlacingOrder placingOrder(Orders orders, Clock clock, IdGenerator ids, EventPublisher publisher) {
        return new PlacingOrder(orders, clock, ids, publisher);
    }

    @Bean
    ViewingOrder viewingOrder(Orders orders) {
        return new ViewingOrder(orders);
    }

    @Bean
    ListingOrders listingOrders(Orders orders) {
        return new ListingOrders(orders);
    }

    @Bean
    CancelingOrder cancelingOrder(Orders orders, Clock clock, IdGenerator ids, EventPublisher publisher) {
        return new CancelingOrder(orders, clock, ids, publisher);
    }

    @Bean
    CancelingOrdersOfDeletedUser cancelingOrdersOfDeletedUser(Orders orders, Clock clock, IdGenerator ids,
            EventPublisher publisher, IndexLag indexLag) {
        return new CancelingOrdersOfDeletedUser(orders, clock, ids, publisher, indexLag);
    }
}
