package io.eventsuite.platform.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds SQS event JSON in the exact shape Lambda's event source mapping delivers: a batch of records, each
 * with the raw SNS message as body (raw message delivery) and the SNS message attributes as SQS message
 * attributes.
 */
public final class SqsEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String queueArn;
    private final List<Map<String, Object>> records = new ArrayList<>();

    private SqsEvents(String queueArn) {
        this.queueArn = queueArn;
    }

    public static SqsEvents batchFrom(String queueName) {
        return new SqsEvents("arn:aws:sqs:eu-west-1:123456789012:" + queueName);
    }

    /** Adds a record; returns its message id. */
    public String add(String body, Map<String, String> stringAttributes) {
        String messageId = UUID.randomUUID().toString();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messageId", messageId);
        record.put("body", body);
        record.put("attributes", stringAttributes);
        records.add(record);
        return messageId;
    }

    public String add(String body) {
        return add(body, Map.of());
    }

    public String toJson() {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Map<String, Object> r : records) {
            String body = (String) r.get("body");
            ObjectNode record = array.addObject();
            record.put("messageId", (String) r.get("messageId"));
            record.put("receiptHandle", "AQEB" + UUID.randomUUID().toString().replace("-", ""));
            record.put("body", body);
            ObjectNode attributes = record.putObject("attributes");
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", "1795719838390");
            attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
            attributes.put("ApproximateFirstReceiveTimestamp", "1795719838400");
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            @SuppressWarnings("unchecked")
            Map<String, String> stringAttributes = (Map<String, String>) r.get("attributes");
            stringAttributes.forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value);
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
                attribute.put("dataType", "String");
            });
            record.put("md5OfBody", md5(body));
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", "eu-west-1");
        }
        return JSON.writeValueAsString(event);
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
