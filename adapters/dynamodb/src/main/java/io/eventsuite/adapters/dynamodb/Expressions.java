package io.eventsuite.adapters.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds an update expression and its condition with one set of placeholders. Every attribute name goes through
 * a {@code #} placeholder (DynamoDB reserves words such as {@code key}, {@code status} and {@code name}), and so
 * do map keys such as event ids, which are data and must never be spliced into an expression.
 */
final class Expressions {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> requirements = new ArrayList<>();

    /** The placeholder of an attribute name (or map key), the same one each time it is asked for. */
    String name(String attribute) {
        return placeholders.computeIfAbsent(attribute, a -> {
            String placeholder = "#n" + names.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    /** A fresh placeholder for a value. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    Expressions set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(value));
        return this;
    }

    /** Sets the attribute only if it has no value yet. */
    Expressions setIfAbsent(String attribute, AttributeValue value) {
        String name = name(attribute);
        sets.add(name + " = if_not_exists(" + name + ", " + value(value) + ")");
        return this;
    }

    /** Sets one entry of a map attribute, which must exist. */
    Expressions setEntry(String mapAttribute, String key, AttributeValue value) {
        sets.add(name(mapAttribute) + "." + name(key) + " = " + value(value));
        return this;
    }

    /** A SET action written out by the caller, with placeholders from {@link #name} and {@link #value}. */
    Expressions setExpression(String action) {
        sets.add(action);
        return this;
    }

    Expressions remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    Expressions removeEntry(String mapAttribute, String key) {
        removes.add(name(mapAttribute) + "." + name(key));
        return this;
    }

    /** A condition a part of the update needs (such as room in the outbox), added to the writer's own. */
    Expressions require(String condition) {
        requirements.add(condition);
        return this;
    }

    /** The writer's condition and every requirement, all of which must hold. */
    String conditionWith(String condition) {
        if (requirements.isEmpty()) {
            return condition;
        }
        List<String> all = new ArrayList<>();
        all.add("(" + condition + ")");
        requirements.forEach(r -> all.add("(" + r + ")"));
        return String.join(" AND ", all);
    }

    String update() {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        return expression.toString();
    }

    /** The names, or {@code null} when there are none (DynamoDB refuses an empty map). */
    Map<String, String> names() {
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    /** The values, or {@code null} when there are none (DynamoDB refuses an empty map). */
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }
}
