package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A recipient (the notification service's projection of a user) as an item. */
final class RecipientItems {

    static final String ID = "id";
    static final String DISPLAY_NAME = "displayName";
    static final String EMAIL = "email";
    static final String PREFERENCES = "preferences";
    static final String VERSION = "version";

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

    static Recipient read(String table, Map<String, AttributeValue> item) {
        return CorruptItem.guard(table, () -> {
            return new Recipient(new UserId(Attributes.string(item, ID)),
                    Attributes.string(item, DISPLAY_NAME),
                    new Email(Attributes.string(item, EMAIL)),
                    PreferenceItems.read(item, PREFERENCES),
                    Attributes.number(item, VERSION));
        });
    }
}
