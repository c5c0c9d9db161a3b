package io.eventsuite.adapters.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reading and writing single attribute values. Readers throw {@link CorruptItem} for a missing or mistyped
 * attribute, never an exception the platform would mistake for bad client input.
 */
final class Attributes {

    /**
     * Instants as fixed-width ISO-8601 UTC with nine fraction digits, so that strings sort like the instants
     * (sort keys, GSI ranges). {@link Instant#toString()} drops zero fractions, and "09:00:00Z" sorts after
     * "09:00:00.5Z", which would scramble the newest-first order.
     */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant FIRST_SORTABLE = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST_SORTABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(sortable(value));
    }

    static String sortable(Instant value) {
        if (value.isBefore(FIRST_SORTABLE) || value.isAfter(LAST_SORTABLE)) {
            throw new IllegalArgumentException("instant outside the years 0000 to 9999 cannot be stored sortably");
        }
        return SORTABLE.format(value);
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new CorruptItem("attribute '" + name + "' is not a string");
        }
        return value.s();
    }

    static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Optional.of(string(item, name)) : Optional.empty();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new CorruptItem("attribute '" + name + "' is not a number");
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new CorruptItem("attribute '" + name + "' is not a whole number");
        }
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.bool() == null) {
            throw new CorruptItem("attribute '" + name + "' is not a boolean");
        }
        return value.bool();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        try {
            return Instant.parse(string(item, name));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CorruptItem("attribute '" + name + "' is not an instant");
        }
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasM()) {
            throw new CorruptItem("attribute '" + name + "' is not a map");
        }
        return value.m();
    }

    static List<AttributeValue> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            throw new CorruptItem("attribute '" + name + "' is not a list");
        }
        return value.l();
    }

    static Map<String, AttributeValue> map(AttributeValue value, String what) {
        if (value == null || !value.hasM()) {
            throw new CorruptItem(what + " is not a map");
        }
        return value.m();
    }
}
