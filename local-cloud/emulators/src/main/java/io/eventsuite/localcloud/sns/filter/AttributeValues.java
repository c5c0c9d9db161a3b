package io.eventsuite.localcloud.sns.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.eventsuite.localcloud.sns.MessageAttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Scope {@code MessageAttributes}: a key is an attribute name, and the attribute's data type says how its value
 * compares: {@code String} as a string, {@code Number} as a number, each element of a {@code String.Array} on its own.
 */
final class AttributeValues implements MessageValues {

    private final Map<String, MessageAttributeValue> attributes;

    AttributeValues(Map<String, MessageAttributeValue> attributes) {
        this.attributes = attributes;
    }

    @Override
    public Values at(List<String> path) {
        // attribute policies cannot nest (the parser refuses it), so the path is the attribute name alone
        return of(attributes.get(path.get(0)));
    }

    private static Values of(MessageAttributeValue attribute) {
        if (attribute == null) {
            return Values.ABSENT;
        }
        String value = attribute.stringValue();
        switch (attribute.baseType()) {
            case "String" -> {
                return new Values(true, value == null ? List.of() : List.of(Leaf.string(value)));
            }
            case "Number" -> {
                try {
                    return new Values(true, List.of(Leaf.number(new BigDecimal(value.trim()))));
                } catch (RuntimeException e) {
                    return new Values(true, List.of());
                }
            }
            case "String.Array" -> {
                return new Values(true, arrayElements(value));
            }
            default -> {
                // Binary: SNS compares policies only with String, String.Array and Number attributes.
                return new Values(true, List.of());
            }
        }
    }

    private static List<Leaf> arrayElements(String jsonArray) {
        List<Leaf> leaves = new ArrayList<>();
        try {
            JsonNode array = PolicyJson.MAPPER.readTree(jsonArray);
            if (array != null && array.isArray()) {
                for (JsonNode element : array) {
                    if (!element.isContainer()) {
                        leaves.add(Leaf.of(element));
                    }
                }
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // not a JSON array: present, but nothing to match
        }
        return leaves;
    }
}
