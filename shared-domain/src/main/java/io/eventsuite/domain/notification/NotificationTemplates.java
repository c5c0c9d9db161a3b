package io.eventsuite.domain.notification;

import io.eventsuite.domain.event.DomainEvent;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.order.OrderLine;

import java.util.Optional;

/**
 * Renders the plain-text subject and body of the notification an event gives, addressed to its recipient.
 * Amounts are formatted from minor units with the currency's default fraction digits ({@code EUR 12.50}).
 */
public final class NotificationTemplates {

    /** The message for this event, empty for events that notify nobody. */
    public Optional<RenderedMessage> render(DomainEvent event, Recipient recipient) {
        return switch (event) {
            case UserRegistered registered -> Optional.of(welcome(recipient));
            case OrderPlaced placed -> Optional.of(orderPlaced(placed, recipient));
            case OrderCancelled cancelled -> Optional.of(orderCancelled(cancelled, recipient));
            case UserUpdated updated -> Optional.empty();
            case UserDeleted deleted -> Optional.empty();
        };
    }

    private static RenderedMessage welcome(Recipient recipient) {
        return new RenderedMessage(NotificationKind.WELCOME,
                "Welcome to EventSuite, " + recipient.displayName(),
                greeting(recipient) + "your EventSuite account is ready.\n\n"
                        + "You can change which messages you receive in your notification preferences.\n");
    }

    private static RenderedMessage orderPlaced(OrderPlaced placed, Recipient recipient) {
        StringBuilder body = new StringBuilder(greeting(recipient))
                .append("we received your order ").append(placed.orderId()).append(":\n\n");
        for (OrderLine line : placed.lines()) {
            body.append("  ").append(line.quantity()).append(" x ").append(line.sku())
                    .append(" at ").append(line.unitPrice().format())
                    .append(" = ").append(line.lineTotal().format()).append('\n');
        }
        body.append("\nTotal: ").append(placed.total().format()).append('\n');
        return new RenderedMessage(NotificationKind.ORDER_PLACED, "Order " + placed.orderId() + " placed",
                body.toString());
    }

    private static RenderedMessage orderCancelled(OrderCancelled cancelled, Recipient recipient) {
        return new RenderedMessage(NotificationKind.ORDER_CANCELLED, "Order " + cancelled.orderId() + " cancelled",
                greeting(recipient) + "your order " + cancelled.orderId() + " was cancelled.\n\n"
                        + "Reason: " + cancelled.reason() + "\n");
    }

    private static String greeting(Recipient recipient) {
        return "Hello " + recipient.displayName() + ",\n\n";
    }
}
