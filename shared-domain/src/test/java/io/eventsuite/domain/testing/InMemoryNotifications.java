package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.NotificationStatus;
import io.eventsuite.domain.notification.Notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Notifications} in memory: conditional add on id, newest-first keyset pagination, and a by-recipient
 * index that can be made to lag ({@link #index()}).
 */
public final class InMemoryNotifications implements Notifications {

    private final Map<NotificationId, Notification> items = new LinkedHashMap<>();
    private final LaggingIndex<NotificationId> byRecipient = new LaggingIndex<>();

    public synchronized InMemoryNotifications with(Notification notification) {
        items.put(notification.id(), notification);
        return this;
    }

    @Override
    public synchronized Optional<Notification> findById(NotificationId id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public synchronized boolean addPending(Notification notification) {
        if (notification.status() != NotificationStatus.PENDING) {
            throw new IllegalArgumentException("only pending notifications are added");
        }
        return items.putIfAbsent(notification.id(), notification) == null;
    }

    @Override
    public synchronized void delete(NotificationId id) {
        items.remove(id);
    }

    @Override
    public synchronized void markSent(NotificationId id) {
        items.computeIfPresent(id, (key, notification) -> notification.markedSent());
    }

    @Override
    public synchronized Page<Notification> findByRecipient(UserId recipientId, PageRequest page) {
        List<Notification> theirs = items.values().stream()
                .filter(n -> n.recipientId().equals(recipientId))
                .toList();
        return KeysetPages.newestFirst(theirs, n -> KeysetPages.sortKey(n.createdAt(), n.id().value()), page);
    }

    @Override
    public synchronized int deleteByRecipient(UserId recipientId) {
        int before = items.size();
        items.values().removeIf(n -> n.recipientId().equals(recipientId) && byRecipient.lists(n.id()));
        return before - items.size();
    }

    /** The by-recipient index the purge reads, consistent unless a test makes an item lag behind. */
    public LaggingIndex<NotificationId> index() {
        return byRecipient;
    }

    public synchronized List<Notification> all() {
        return List.copyOf(items.values());
    }
}
