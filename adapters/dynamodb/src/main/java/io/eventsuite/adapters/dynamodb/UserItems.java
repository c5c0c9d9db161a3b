package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user as an item of the users table. An erased user leaves a tombstone: the id, the erasure's {@code version},
 * {@code erasedAt} and the outbox attributes, nothing personal. It gets no {@code expiresAt}: were AWS TTL to
 * remove it, a later registration of the id would start again at version 1, below versions the erased life's
 * events already carry, and "store if newer" would no longer hold between the two lives. (Tombstones written
 * before erasures kept their version have no version and an {@code expiresAt}; a registration revives them at 1.)
 */
final class UserItems {

    static final String ID = "id";
    static final String DISPLAY_NAME = "displayName";
    static final String EMAIL = "email";
    static final String PREFERENCES = "preferences";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String ERASED_AT = "erasedAt";
    static final String EXPIRES_AT = TableDefinitions.TTL_ATTRIBUTE;

    /** What {@code findById} reads: the user, without the outbox. */
    static final List<String> USER_ATTRIBUTES =
            List.of(ID, DISPLAY_NAME, EMAIL, PREFERENCES, VERSION, CREATED_AT, UPDATED_AT, ERASED_AT);
    /** What erasure removes: everything personal (the id is the key and stays, the version is overwritten). */
    static final List<String> PERSONAL_ATTRIBUTES =
            List.of(DISPLAY_NAME, EMAIL, PREFERENCES, CREATED_AT, UPDATED_AT);

    private UserItems() {
    }

    static Map<String, AttributeValue> key(UserId id) {
        return Items.key(ID, id.value());
    }

    static Map<String, AttributeValue> newItem(User user, Map<String, AttributeValue> outbox) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(attributes(user));
        item.put(ID, Attributes.s(user.id().value()));
        item.putAll(outbox);
        return item;
    }

    /** Sets every attribute of the user (not the key). */
    static void setAll(Expressions update, User user) {
        attributes(user).forEach(update::set);
    }

    private static Map<String, AttributeValue> attributes(User user) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(DISPLAY_NAME, Attributes.s(user.displayName()));
        attributes.put(EMAIL, Attributes.s(user.email().value()));
        attributes.put(PREFERENCES, PreferenceItems.write(user.preferences()));
        attributes.put(VERSION, Attributes.n(user.version()));
        attributes.put(CREATED_AT, Attributes.instant(user.createdAt()));
        attributes.put(UPDATED_AT, Attributes.instant(user.updatedAt()));
        return attributes;
    }

    static boolean isTombstone(Map<String, AttributeValue> item) {
        return item.containsKey(ERASED_AT);
    }

    /** The user, empty for a tombstone. */
    static Optional<User> read(String table, Map<String, AttributeValue> item) {
        if (isTombstone(item)) {
            return Optional.empty();
        }
        return Optional.of(CorruptItem.guard(table, () -> {
            return new User(new UserId(Attributes.string(item, ID)),
                    Attributes.string(item, DISPLAY_NAME),
                    new Email(Attributes.string(item, EMAIL)),
                    PreferenceItems.read(item, PREFERENCES),
                    Attributes.number(item, VERSION),
                    Attributes.instant(item, CREATED_AT),
                    Attributes.instant(item, UPDATED_AT));
        }));
    }

    /** The erasure's version a tombstone keeps; 0 for a tombstone from before erasures kept it. */
    static long erasedVersion(Map<String, AttributeValue> tombstone) {
        return tombstone.containsKey(VERSION) ? Attributes.number(tombstone, VERSION) : 0;
    }

    /** Turns the item into a tombstone at the erasure's {@code version}. */
    static void erase(Expressions update, long version, Instant now) {
        PERSONAL_ATTRIBUTES.forEach(update::remove);
        update.set(VERSION, Attributes.n(version));
        update.set(ERASED_AT, Attributes.instant(now));
    }

    /** Brings a tombstone back to life (the user's attributes are set by the caller); drops an old expiry. */
    static void revive(Expressions update) {
        update.remove(ERASED_AT);
        update.remove(EXPIRES_AT);
    }
}
