package io.eventsuite.localcloud.sns;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One SNS message attribute as published: a data type ({@code String}, {@code String.Array}, {@code Number},
 * {@code Binary}, each optionally with a custom label such as {@code Number.int}) and either a string or a binary value.
 */
public record MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {

    public MessageAttributeValue {
        Objects.requireNonNull(dataType, "dataType");
        binaryValue = binaryValue == null ? null : binaryValue.clone();
    }

    public static MessageAttributeValue string(String value) {
        return new MessageAttributeValue("String", value, null);
    }

    public static MessageAttributeValue number(String value) {
        return new MessageAttributeValue("Number", value, null);
    }

    /** A {@code String.Array}: the value is a JSON array such as {@code ["a", 1, true]}. */
    public static MessageAttributeValue stringArray(String jsonArray) {
        return new MessageAttributeValue("String.Array", jsonArray, null);
    }

    public static MessageAttributeValue binary(byte[] value) {
        return new MessageAttributeValue("Binary", null, value);
    }

    @Override
    public byte[] binaryValue() {
        return binaryValue == null ? null : binaryValue.clone();
    }

    /** {@code String}, {@code Number} or {@code Binary}: the type without a custom label; {@code String.Array} stays. */
    public String baseType() {
        if (dataType.equals("String.Array")) {
            return dataType;
        }
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    public boolean isBinary() {
        return baseType().equals("Binary");
    }

    /** The value as the SNS envelope writes it: the string, or base64 for binary attributes. */
    public String envelopeValue() {
        return isBinary() ? Base64.getEncoder().encodeToString(binaryValue) : stringValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageAttributeValue other
                && dataType.equals(other.dataType)
                && Objects.equals(stringValue, other.stringValue)
                && Arrays.equals(binaryValue, other.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue));
    }

    @Override
    public String toString() {
        return dataType + "=" + (isBinary() ? "<" + (binaryValue == null ? 0 : binaryValue.length) + " bytes>" : stringValue);
    }
}
