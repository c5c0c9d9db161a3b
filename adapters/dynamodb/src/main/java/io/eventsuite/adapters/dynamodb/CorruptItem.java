package io.eventsuite.adapters.dynamodb;

import java.util.function.Supplier;

/**
 * A stored item that cannot be read back as a domain object: a defect or a foreign write, answered as a server
 * error. Domain constructors report bad values with {@code InvalidInput}, which the platform would turn into a
 * 400 for the client; {@link #guard} stops that. Messages name the attribute, never its value (personal data).
 */
final class CorruptItem extends IllegalStateException {

    CorruptItem(String reason) {
        super(reason);
    }

    /** Runs a mapping from an item, turning any refusal of its values into a {@code CorruptItem}. */
    static <T> T guard(String table, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (CorruptItem e) {
            throw new CorruptItem("item in table " + table + " cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CorruptItem("item in table " + table + " cannot be read: "
                    + e.getClass().getSimpleName() + " from the domain");
        }
    }
}
