package io.eventsuite.domain.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type of the suite, and the record that carries each one's {@code data}.
 * Adapters use it to pick the record to read a message into and to find its schema.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends DomainEvent>> DATA_TYPES = Map.of(
            UserRegistered.TYPE, UserRegistered.class,
            UserUpdated.TYPE, UserUpdated.class,
            UserDeleted.TYPE, UserDeleted.class,
            OrderPlaced.TYPE, OrderPlaced.class,
            OrderCancelled.TYPE, OrderCancelled.class);

    /** All types, producers' order: users first, then orders. */
    public static final List<String> ALL = List.of(
            UserRegistered.TYPE, UserUpdated.TYPE, UserDeleted.TYPE, OrderPlaced.TYPE, OrderCancelled.TYPE);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return DATA_TYPES.containsKey(type);
    }

    /** The record class of the {@code data} of an event of this type, empty for a type the suite does not know. */
    public static Optional<Class<? extends DomainEvent>> dataClassOf(String type) {
        return Optional.ofNullable(type).map(DATA_TYPES::get);
    }

    /** Where the JSON Schema of this type is on the classpath, for example {@code schemas/io.eventsuite.order.placed.v1.json}. */
    public static String schemaResource(String type) {
        return "schemas/" + type + ".json";
    }
}
