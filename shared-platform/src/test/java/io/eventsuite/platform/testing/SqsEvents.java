package io.eventsuite.platform.testing;

import io.eventsuite.localcloud.events.SqsEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds SQS event JSON in the exact shape Lambda's event source mapping delivers: a batch of records, each
 * with the raw SNS message as body (raw message delivery) and the SNS message attributes as SQS message
 * attributes. The JSON is written by the local cloud's own {@link SqsEvent}, as its event source mappings write it.
 */
public final class SqsEvents {

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

    /** The batch as the event source mapping delivers it, by the local cloud's own {@link SqsEvent}. */
    public String toJson() {
        List<SqsEvent.Record> batch = new ArrayList<>();
        for (Map<String, Object> r : records) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", "1795719838390");
            attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
            attributes.put("ApproximateFirstReceiveTimestamp", "1795719838400");
            @SuppressWarnings("unchecked")
            Map<String, String> stringAttributes = (Map<String, String>) r.get("attributes");
            Map<String, SqsEvent.MessageAttribute> messageAttributes = new LinkedHashMap<>();
            stringAttributes.forEach((name, value) -> messageAttributes.put(name, SqsEvent.MessageAttribute.string(value)));
            batch.add(new SqsEvent.Record((String) r.get("messageId"), "AQEB" + UUID.randomUUID().toString().replace("-", ""),
                    (String) r.get("body"), attributes, messageAttributes, null));
        }
        return new String(SqsEvent.json(batch, queueArn, "eu-west-1"), StandardCharsets.UTF_8);
    }
}
