package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RecipientState;
import io.eventsuite.domain.notification.Recipients;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link Recipients} in memory with the DynamoDB adapter's contract: each id holds a recipient or a tombstone
 * (id and version only), and a write is stored only when strictly newer than either.
 */
public final class InMemoryRecipients implements Recipients {

    private final Map<UserId, RecipientState> items = new HashMap<>();

    public synchronized InMemoryRecipients with(Recipient recipient) {
        items.put(recipient.id(), new RecipientState.Known(recipient));
        return this;
    }

    @Override
    public synchronized RecipientState find(UserId id) {
        return items.getOrDefault(id, new RecipientState.Unknown());
    }

    @Override
    public synchronized boolean upsertIfNewer(Recipient recipient) {
        return storeIfNewer(recipient.id(), recipient.version(), new RecipientState.Known(recipient));
    }

    @Override
    public synchronized boolean eraseIfNewer(UserId id, long version) {
        return storeIfNewer(id, version, new RecipientState.Erased(id, version));
    }

    private boolean storeIfNewer(UserId id, long version, RecipientState state) {
        if (versionOf(items.get(id)) >= version) {
            return false;
        }
        items.put(id, state);
        return true;
    }

    private static long versionOf(RecipientState stored) {
        return switch (stored) {
            case null -> 0;
            case RecipientState.Known known -> known.recipient().version();
            case RecipientState.Erased erased -> erased.version();
            case RecipientState.Unknown unknown -> 0;
        };
    }
}
