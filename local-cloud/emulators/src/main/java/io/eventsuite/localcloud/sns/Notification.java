package io.eventsuite.localcloud.sns;

import java.time.Instant;
import java.util.Map;

/** One published message as SNS fans it out: the same id, timestamp and content for every subscription. */
record Notification(String messageId, String topicArn, String subject, String message,
                    Map<String, MessageAttributeValue> attributes, Instant timestamp) {
    Notification {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
