package io.eventsuite.localcloud.runtime.sqs;

import io.eventsuite.localcloud.events.SqsEvent;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Received SQS messages as the event Lambda's event source mapping delivers ({@link SqsEvent}). */
final class SqsEventJson {

    private SqsEventJson() {
    }

    static byte[] of(List<Message> messages, String queueArn, String region) {
        return SqsEvent.json(messages.stream().map(SqsEventJson::record).toList(), queueArn, region);
    }

    private static SqsEvent.Record record(Message message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        Map<String, SqsEvent.MessageAttribute> messageAttributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, attribute(value)));
        return new SqsEvent.Record(message.messageId(), message.receiptHandle(), message.body(), attributes,
                messageAttributes, message.md5OfBody());
    }

    private static SqsEvent.MessageAttribute attribute(MessageAttributeValue value) {
        return new SqsEvent.MessageAttribute(value.stringValue(), value.binaryValue() == null ? null
                : Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()), value.dataType());
    }
}
