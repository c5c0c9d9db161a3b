package io.eventsuite.localcloud.sns;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one message to publish (the parameters of Publish, or one PublishBatch entry) into the {@link Notification}
 * every subscription gets, refusing what SNS refuses: an empty message, a bad subject or message structure, FIFO-only
 * parameters, bad attributes ({@link MessageAttributesReader}), more than 256 KB in all.
 */
final class NotificationReader {

    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final Clock clock;

    NotificationReader(Clock clock) {
        this.clock = clock;
    }

    Notification read(Topic topic, QueryParams p) {
        String message = p.get("Message");
        if (message == null || message.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: Empty message");
        }
        String subject = p.get("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() > 100
                || !subject.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) {
            throw SnsError.invalidParameter("Invalid parameter: Subject");
        }
        String structure = p.get("MessageStructure");
        if (structure != null && !structure.isEmpty()) {
            if (!structure.equals("json")) {
                throw SnsError.invalidParameter("Invalid parameter: MessageStructure");
            }
            message = sqsMessageFromStructure(message);
        }
        // MessageGroupId is accepted on standard topics (and ignored here); a deduplication id is FIFO-only.
        if (p.has("MessageDeduplicationId")) {
            throw SnsError.invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes "
                    + "MessageDeduplicationId parameter that is not valid for this topic type");
        }
        Map<String, MessageAttributeValue> attributes = MessageAttributesReader.read(p);
        if (size(message, attributes) > MAX_MESSAGE_BYTES) {
            throw SnsError.invalidParameter("Invalid parameter: Message too long");
        }
        return new Notification(UUID.randomUUID().toString(), topic.arn, subject, message, attributes, clock.instant());
    }

    /** SNS's count: the message and every attribute's name, type and value, all against the one limit. */
    private static long size(String message, Map<String, MessageAttributeValue> attributes) {
        long size = message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            MessageAttributeValue v = e.getValue();
            size += e.getKey().length() + v.dataType().length()
                    + (v.isBinary() ? v.binaryValue().length : v.stringValue().getBytes(StandardCharsets.UTF_8).length);
        }
        return size;
    }

    /** {@code MessageStructure=json}: a message per protocol; queues get the {@code sqs} one, else {@code default}. */
    private static String sqsMessageFromStructure(String message) {
        JsonNode root;
        try {
            root = RequestJson.MAPPER.readTree(message);
        } catch (JacksonException e) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (root == null || !root.isObject()) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        JsonNode defaultValue = root.get("default");
        if (defaultValue == null || !defaultValue.isString()) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        JsonNode sqs = root.get("sqs");
        return sqs != null && sqs.isString() ? sqs.stringValue() : defaultValue.stringValue();
    }
}
