package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RecipientState;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.user.User;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For SnapStart priming: a domain object mapped to its item and back, in memory, so that the mapping code has run
 * once before the snapshot rather than on the first request that finds an item, and the items a GetItem answered in
 * memory finds. Nothing is read or written.
 */
public final class PrimingMappings {

    private PrimingMappings() {
    }

    /** {@code sample} to its orders-table item and back; answers the order read back. */
    public static Order order(Order sample) {
        return OrderItems.read("snapstart-priming", OrderItems.newItem(sample, Map.of()));
    }

    /** {@code sample}'s orders-table item, as a read would find it (for a priming GetItem answered in memory). */
    public static Map<String, AttributeValue> orderItem(Order sample) {
        return OrderItems.newItem(sample, Map.of());
    }

    /** {@code sample}'s users-table item, as a read would find it (for a priming GetItem answered in memory). */
    public static Map<String, AttributeValue> userItem(User sample) {
        return UserItems.newItem(sample, Map.of());
    }

    /** {@code sample}'s recipients-table item, as a read would find it (for a priming GetItem answered in memory). */
    public static Map<String, AttributeValue> recipientItem(Recipient sample) {
        return RecipientItems.item(sample);
    }

    /** {@code sample} to its users-table item and back; answers the user read back. */
    public static User user(User sample) {
        return UserItems.read("snapstart-priming", UserItems.newItem(sample, Map.of())).orElseThrow();
    }

    /** {@code sample} to its recipients-table item and back; answers what is read back. */
    public static RecipientState recipient(Recipient sample) {
        return RecipientItems.read("snapstart-priming", RecipientItems.item(sample));
    }

    /** {@code sample} to its notifications-table item and back; answers the notification read back. */
    public static Notification notification(Notification sample) {
        return NotificationItems.read("snapstart-priming", NotificationItems.item(sample));
    }
}
