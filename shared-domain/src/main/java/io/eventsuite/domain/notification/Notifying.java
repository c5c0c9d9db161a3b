package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case (event consumer): sends the notification an event calls for, exactly once per event id however
 * often the event is delivered.
 *
 * <p>How: the notification id is derived from the event id, and a conditional {@code addPending} makes the
 * first delivery the owner of it. A later delivery that finds it SENT does nothing; one that finds it still
 * PENDING sends again, because the earlier attempt failed or crashed before recording success.
 *
 * <p><strong>The one duplicate window:</strong> a crash after the channel accepted the message but before
 * {@code markSent} stored it. The redelivery cannot tell whether the message left and sends it again. Closing
 * it would take a channel that deduplicates on {@link OutgoingMessage#id()}; email does not, and a rare
 * duplicate email is better than a lost one.
 *
 * <p><strong>Erasure wins:</strong> nothing is sent to an erased recipient (their tombstone), however late or
 * often an event arrives, and a notification is never left behind for one. The recipient is checked again after
 * the notification is stored: a purge that erased them in between may have passed before that write, so the
 * notification is withdrawn here instead. A message already handed to the channel when the tombstone is written
 * may still leave; its record is then removed by the purge (or by {@code markSent} finding nothing to mark).
 */
public final class Notifying {

    private final Notifications notifications;
    private final Recipients recipients;
    private final NotificationChannel channel;
    private final NotificationTemplates templates;
    private final Clock clock;
    private final ProjectingRecipients projecting;

    public Notifying(Notifications notifications, Recipients recipients, NotificationChannel channel,
                     NotificationTemplates templates, Clock clock) {
        this.notifications = Objects.requireNonNull(notifications);
        this.recipients = Objects.requireNonNull(recipients);
        this.channel = Objects.requireNonNull(channel);
        this.templates = Objects.requireNonNull(templates);
        this.clock = Objects.requireNonNull(clock);
        this.projecting = new ProjectingRecipients(recipients);
    }

    public NotifyResult on(EventEnvelope envelope) {
        UserId recipientId = switch (envelope.data()) {
            case UserRegistered registered -> {
                // The welcome may overtake the projection consumer: project first so it finds its recipient.
                projecting.on(registered);
                yield registered.userId();
            }
            case OrderPlaced placed -> placed.customerId();
            case OrderCancelled cancelled -> cancelled.customerId();
            case UserUpdated updated -> null;
            case UserDeleted deleted -> null;
        };
        if (recipientId == null) {
            return new NotifyResult.Suppressed(envelope.type() + " notifies nobody");
        }
        NotificationId id = NotificationId.of(envelope.id());
        Optional<Notification> earlier = notifications.findById(id);
        if (earlier.filter(n -> n.status() == NotificationStatus.SENT).isPresent()) {
            return new NotifyResult.AlreadySent(id);
        }
        Recipient recipient;
        switch (recipients.find(recipientId)) {
            case RecipientState.Known known -> recipient = known.recipient();
            case RecipientState.Unknown unknown -> {
                return new NotifyResult.RecipientUnknown(recipientId);
            }
            case RecipientState.Erased erased -> {
                earlier.ifPresent(pending -> notifications.delete(id));
                return erasedRecipient();
            }
        }
        RenderedMessage message = templates.render(envelope.data(), recipient).orElseThrow();
        if (!recipient.wants(message.kind())) {
            return new NotifyResult.Suppressed("recipient does not want " + message.kind() + " notifications");
        }
        Notification notification = Notification.pending(envelope.id(), recipientId, message, clock.instant());
        if (!notifications.addPending(notification)) {
            Optional<Notification> stored = notifications.findById(id);
            if (stored.isEmpty() || stored.get().status() == NotificationStatus.SENT) {
                // Sent by a concurrent delivery, or purged with its recipient meanwhile: nothing left to do.
                return new NotifyResult.AlreadySent(id);
            }
            notification = stored.get();
        }
        if (recipients.find(recipientId) instanceof RecipientState.Erased) {
            notifications.delete(id);
            return erasedRecipient();
        }
        channel.send(new OutgoingMessage(recipient.email(), notification.subject(), notification.body(), id));
        notifications.markSent(id);
        return new NotifyResult.Sent(id);
    }

    private static NotifyResult erasedRecipient() {
        return new NotifyResult.Suppressed("the recipient was erased");
    }
}
