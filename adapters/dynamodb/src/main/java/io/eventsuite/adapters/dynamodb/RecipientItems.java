package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RecipientState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A recipient (the notification service's projection of a user) as an item; or, once the user is erased, a
 * tombstone: the id, the erasure's {@code version}, {@code erased = true} and {@code erasedAt}, nothing
 * personal. {@code erasedAt} is when the erasure reached the notification service: from then on nothing is sent to
 * the user; between the user's deletion and that moment, emails already queued may still go out (docs/api.md).
 */
final class RecipientItems {

    static final String ID = "id";
    static final String DISPLAY_NAME = "displayName";
    static final String EMAIL = "email";
    static final String PREFERENCES = "preferences";
    static final String VERSION = "version";
    static final String ERASED = "erased";
    static final String ERASED_AT = "erasedAt";

    private RecipientItems() {
    }

    static Map<String, AttributeValue> key(UserId id) {
        return Items.key(ID, id.value());
    }

    static Map<String, AttributeValue> item(Recipient recipient) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(ID, Attributes.s(recipient.id().value()));
        item.put(DISPLAY_NAME, Attributes.s(recipient.displayName()));
        item.put(EMAIL, Attributes.s(recipient.email().value()));
        item.put(PREFERENCES, PreferenceItems.write(recipient.preferences()));
        item.put(VERSION, Attributes.n(recipient.version()));
        return item;
    }

    static Map<String, AttributeValue> tombstone(UserId id, long version, Instant erasedAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(ID, Attributes.s(id.value()));
        item.put(VERSION, Attributes.n(version));
        item.put(ERASED, AttributeValue.fromBool(true));
        item.put(ERASED_AT, Attributes.instant(erasedAt));
        return item;
    }

    static RecipientState read(String table, Map<String, AttributeValue> item) {
        return CorruptItem.guard(table, () -> {
            UserId id = new UserId(Attributes.string(item, ID));
            long version = Attributes.number(item, VERSION);
            if (item.containsKey(ERASED)) {
                return new RecipientState.Erased(id, version);
            }
            return new RecipientState.Known(new Recipient(id,
                    Attributes.string(item, DISPLAY_NAME),
                    new Email(Attributes.string(item, EMAIL)),
                    PreferenceItems.read(item, PREFERENCES),
                    version));
        });
    }
}
