package io.eventsuite.domain.order;

/** Where an order is in its life. The allowed transitions are the state machine's only source of truth. */
public enum OrderStatus {
    PLACED,
    CANCELLED;

    /** Only a placed order can be cancelled; cancelled is final. */
    public boolean canBecome(OrderStatus next) {
        return this == PLACED && next == CANCELLED;
    }

    /** Whether the order may still change. */
    public boolean isOpen() {
        return this == PLACED;
    }
}
