package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.event.UserDeleted;

import java.util.Objects;

/**
 * Use case (event consumer): erases what the notification service holds about a deleted user, their
 * notifications and their projection. Idempotent: purging twice finds nothing the second time.
 *
 * <p>The projection is replaced by a tombstone first, so from that moment nothing is sent to the user and no
 * user event of the erased life is projected again ({@link Notifying} checks it once more after storing a
 * notification). Then the notifications are deleted through the by-recipient index, twice: the index may not
 * yet list one written just before the tombstone, so the second pass runs after {@link IndexLag} is waited out.
 */
public final class PurgingRecipient {

    private final Notifications notifications;
    private final Recipients recipients;
    private final IndexLag indexLag;

    public PurgingRecipient(Notifications notifications, Recipients recipients, IndexLag indexLag) {
        this.notifications = Objects.requireNonNull(notifications);
        this.recipients = Objects.requireNonNull(recipients);
        this.indexLag = Objects.requireNonNull(indexLag);
    }

    /** @return how many notifications were deleted */
    public int on(UserDeleted event) {
        recipients.eraseIfNewer(event.userId(), event.version());
        int deleted = notifications.deleteByRecipient(event.userId());
        indexLag.waitOut();
        return deleted + notifications.deleteByRecipient(event.userId());
    }
}
