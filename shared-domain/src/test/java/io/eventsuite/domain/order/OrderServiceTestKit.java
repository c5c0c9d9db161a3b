package io.eventsuite.domain.order;

import io.eventsuite.domain.testing.InMemoryOrders;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.testing.SequentialIds;

/** The order use cases wired to fakes, as the order-service wires them to adapters. */
class OrderServiceTestKit {

    final InMemoryOrders orders = new InMemoryOrders();
    final MutableClock clock = new MutableClock();
    final SequentialIds ids = new SequentialIds();
    final RecordingEventPublisher publisher = new RecordingEventPublisher();

    final PlacingOrder placing = new PlacingOrder(orders, clock, ids, publisher);
    final ViewingOrder viewing = new ViewingOrder(orders);
    final ListingOrders listing = new ListingOrders(orders);
    final CancelingOrder canceling = new CancelingOrder(orders, clock, ids, publisher);
    final CancelingOrdersOfDeletedUser cancelingOfDeletedUser =
            new CancelingOrdersOfDeletedUser(orders, clock, ids, publisher, orders.index().settling());
}
