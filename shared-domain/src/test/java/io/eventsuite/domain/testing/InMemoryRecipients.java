package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.Recipients;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link Recipients} in memory, storing only strictly newer versions. */
public final class InMemoryRecipients implements Recipients {

    private final Map<UserId, Recipient> items = new HashMap<>();

    public synchronized InMemoryRecipients with(Recipient recipient) {
        items.put(recipient.id(), recipient);
        return this;
    }

    @Override
    public synchronized Optional<Recipient> findById(UserId id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public synchronized boolean upsertIfNewer(Recipient recipient) {
        Recipient stored = items.get(recipient.id());
        if (stored != null && stored.version() >= recipient.version()) {
            return false;
        }
        items.put(recipient.id(), recipient);
        return true;
    }

    @Override
    public synchronized void delete(UserId id) {
        items.remove(id);
    }
}
