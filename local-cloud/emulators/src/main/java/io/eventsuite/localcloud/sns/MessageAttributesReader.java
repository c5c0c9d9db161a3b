package io.eventsuite.localcloud.sns;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The {@code MessageAttributes.entry.N} of a message to publish, validated as SNS does: names, reserved prefixes,
 * data types and values. Apart from a missing name, SNS refuses these with {@code ParameterValueInvalid} rather than
 * {@code InvalidParameter}, so the SDK throws {@code InvalidParameterValueException}, and so does the stand-in.
 */
final class MessageAttributesReader {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    private MessageAttributesReader() {
    }

    static Map<String, MessageAttributeValue> read(QueryParams p) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        for (QueryParams entry : p.indexed("MessageAttributes", "entry")) {
            String name = entry.get("Name");
            checkName(name);
            String type = entry.get("Value.DataType");
            if (type == null || type.isEmpty()) {
                throw SnsError.invalidParameterValue("The message attribute '" + name
                        + "' must contain non-empty message attribute type.");
            }
            // the type without its custom label (Number.int is a Number); String.Array is a type of its own
            String base = type.equals("String.Array") ? type
                    : type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
            MessageAttributeValue value = switch (base) {
                case "String", "Number", "String.Array" -> textValue(entry, name, type, base);
                case "Binary" -> binaryValue(entry, name, type);
                default -> throw SnsError.invalidParameterValue("The message attribute '" + name + "' has an invalid "
                        + "message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            };
            attributes.put(name, value);
        }
        return attributes;
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: MessageAttributes Reason: attribute name is empty");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!ATTRIBUTE_NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".")
                || name.contains("..")) {
            throw SnsError.invalidParameterValue("The message attribute name '" + name + "' is invalid.");
        }
        if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw SnsError.invalidParameterValue("The message attribute name '" + name
                    + "' uses a reserved prefix (AWS. or Amazon.).");
        }
    }

    /** {@code String}, {@code Number} or {@code String.Array}: a non-empty string value that parses as its type. */
    private static MessageAttributeValue textValue(QueryParams entry, String name, String type, String base) {
        String s = entry.get("Value.StringValue");
        if (s == null || s.isEmpty()) {
            throw SnsError.invalidParameterValue("The message attribute '" + name
                    + "' must contain non-empty message attribute value for message attribute type '"
                    + base + "'.");
        }
        if (base.equals("Number")) {
            try {
                new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw SnsError.invalidParameterValue("Could not cast message attribute '" + name
                        + "' value to number.");
            }
        }
        if (base.equals("String.Array")) {
            JsonNode array;
            try {
                array = RequestJson.MAPPER.readTree(s);
            } catch (JacksonException e) {
                array = null;
            }
            if (array == null || !array.isArray()) {
                throw SnsError.invalidParameterValue("The message attribute '" + name
                        + "' with type 'String.Array' must hold a JSON array.");
            }
        }
        return new MessageAttributeValue(type, s, null);
    }

    private static MessageAttributeValue binaryValue(QueryParams entry, String name, String type) {
        String b = entry.get("Value.BinaryValue");
        byte[] bytes;
        try {
            bytes = b == null ? new byte[0] : Base64.getDecoder().decode(b);
        } catch (IllegalArgumentException e) {
            throw SnsError.invalidParameterValue("The message attribute '" + name
                    + "' has an invalid binary value.");
        }
        if (bytes.length == 0) {
            throw SnsError.invalidParameterValue("The message attribute '" + name
                    + "' must contain non-empty message attribute value for message attribute type 'Binary'.");
        }
        return new MessageAttributeValue(type, null, bytes);
    }
}
