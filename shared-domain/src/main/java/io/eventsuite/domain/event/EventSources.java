package io.eventsuite.domain.event;

/** The CloudEvents {@code source} of each producing service. */
public final class EventSources {

    public static final String USERS = "/eventsuite/user-service";
    public static final String ORDERS = "/eventsuite/order-service";

    private EventSources() {
    }
}
