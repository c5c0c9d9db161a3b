package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.DomainEvent;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.order.PlaceOrder;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.domain.user.RegisterUser;
import io.eventsuite.domain.user.User;

import java.time.Instant;
import java.util.List;

/** Test data with names: Alice and Bob are customers, Ada administers. */
public final class Fixtures {

    public static final UserId ALICE = new UserId("alice-sub");
    public static final UserId BOB = new UserId("bob-sub");
    public static final UserId ADA = new UserId("ada-admin-sub");

    private Fixtures() {
    }

    public static Caller alice() {
        return Caller.user(ALICE);
    }

    public static Caller bob() {
        return Caller.user(BOB);
    }

    public static Caller anAdmin() {
        return Caller.admin(ADA);
    }

    public static RegisterUser aliceRegistration() {
        return new RegisterUser(ALICE, "Alice", new Email("alice@example.com"), NotificationPreferences.DEFAULT);
    }

    public static RegisterUser bobRegistration() {
        return new RegisterUser(BOB, "Bob", new Email("bob@example.com"), NotificationPreferences.DEFAULT);
    }

    /** Alice as stored at {@code version}, registered at the default start of {@link MutableClock}. */
    public static User alice(long version) {
        RegisterUser r = aliceRegistration();
        return new User(r.id(), r.displayName(), r.email(), r.preferences(), version,
                MutableClock.DEFAULT_START, MutableClock.DEFAULT_START);
    }

    public static Recipient aliceAsRecipient(NotificationPreferences preferences) {
        return new Recipient(ALICE, "Alice", new Email("alice@example.com"), preferences, 1);
    }

    public static Money eur(long minorUnits) {
        return new Money(minorUnits, "EUR");
    }

    public static OrderLine aLine(String sku, int quantity, Money unitPrice) {
        return new OrderLine(sku, quantity, unitPrice);
    }

    /** One book at EUR 12.50. */
    public static OrderLine aBook() {
        return aLine("BOOK-1", 1, eur(1250));
    }

    /** An order of the given lines for the customer, or of {@link #aBook()} when no line is given. */
    public static PlaceOrder anOrderOf(UserId customer, OrderLine... lines) {
        return new PlaceOrder(customer, lines.length == 0 ? List.of(aBook()) : List.of(lines));
    }

    /** A placed order already stored, for tests that start from existing orders. */
    public static Order aPlacedOrder(String id, UserId customer, Instant placedAt) {
        return Order.place(new OrderId(id), customer, List.of(aBook()), placedAt);
    }

    public static EventEnvelope anEnvelope(String eventId, DomainEvent data) {
        String source = data.type().startsWith("io.eventsuite.user.")
                ? EventSources.USERS : EventSources.ORDERS;
        return EventEnvelope.wrap(new EventId(eventId), source, MutableClock.DEFAULT_START, data);
    }

    public static OrderPlaced anOrderPlacedFor(UserId customer, String orderId) {
        List<OrderLine> lines = List.of(aLine("BOOK-1", 2, eur(1250)), aLine("PEN-7", 1, eur(199)));
        return new OrderPlaced(new OrderId(orderId), customer, lines, eur(2699));
    }
}
