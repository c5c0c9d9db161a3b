package io.eventsuite.localcloud.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code SQSEvent} JSON Lambda's event source mapping delivers: a {@code Records} array whose records carry
 * {@code messageId}, {@code receiptHandle}, {@code body}, the system {@code attributes}, the
 * {@code messageAttributes} (camel-cased as Lambda writes them), {@code md5OfBody}, {@code eventSource},
 * {@code eventSourceARN} and {@code awsRegion}. The local cloud's mappings write received messages with it; the
 * tests' builder ({@code SqsEvents}) writes made-up ones.
 */
public final class SqsEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message as received; {@code md5OfBody} null to compute it. */
    public record Record(String messageId, String receiptHandle, String body, Map<String, String> attributes,
            Map<String, MessageAttribute> messageAttributes, String md5OfBody) {
    }

    /** A message attribute: a string value, or a binary one (base64), with its data type. */
    public record MessageAttribute(String stringValue, String base64BinaryValue, String dataType) {

        public static MessageAttribute string(String value) {
            return new MessageAttribute(value, null, "String");
        }
    }

    private SqsEvent() {
    }

    public static byte[] json(List<Record> records, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record r : records) {
            ObjectNode record = array.addObject();
            record.put("messageId", r.messageId());
            record.put("receiptHandle", r.receiptHandle());
            record.put("body", r.body());
            ObjectNode attributes = record.putObject("attributes");
            r.attributes().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            r.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
            record.put("md5OfBody", r.md5OfBody() != null ? r.md5OfBody() : md5(r.body()));
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return JSON.writeValueAsBytes(event);
    }

    private static ObjectNode attribute(MessageAttribute value) {
        ObjectNode node = JSON.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.base64BinaryValue() != null) {
            node.put("binaryValue", value.base64BinaryValue());
        }
        node.putArray("stringListValues");
        node.putArray("binaryListValues");
        node.put("dataType", value.dataType());
        return node;
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
