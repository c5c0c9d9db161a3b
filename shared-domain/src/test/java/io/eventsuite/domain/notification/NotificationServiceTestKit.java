package io.eventsuite.domain.notification;

import io.eventsuite.domain.testing.CapturingNotificationChannel;
import io.eventsuite.domain.testing.InMemoryNotifications;
import io.eventsuite.domain.testing.InMemoryRecipients;
import io.eventsuite.domain.testing.MutableClock;

/** The notification use cases wired to fakes, as the notification-service wires them to adapters. */
class NotificationServiceTestKit {

    final InMemoryNotifications notifications = new InMemoryNotifications();
    final InMemoryRecipients recipients = new InMemoryRecipients();
    final CapturingNotificationChannel channel = new CapturingNotificationChannel();
    final MutableClock clock = new MutableClock();

    final Notifying notifying = new Notifying(notifications, recipients, channel, new NotificationTemplates(), clock);
    final ProjectingRecipients projecting = new ProjectingRecipients(recipients);
    final PurgingRecipient purging = new PurgingRecipient(notifications, recipients, notifications.index().settling());
    final ListingNotifications listing = new ListingNotifications(notifications);
}
