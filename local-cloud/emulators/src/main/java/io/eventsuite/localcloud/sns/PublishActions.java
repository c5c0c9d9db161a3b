package io.eventsuite.localcloud.sns;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Publish and PublishBatch: each message is validated by {@link NotificationReader} and fanned out by
 * {@link SqsDelivery} before the action answers. Injected failures strike first, before anything is delivered.
 */
final class PublishActions {

    static final int MAX_BATCH_ENTRIES = 10;

    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final TopicsAndSubscriptions state;
    private final SqsDelivery delivery;
    private final NotificationReader notifications;
    private final InjectedFailures failures;

    PublishActions(TopicsAndSubscriptions state, SqsDelivery delivery, NotificationReader notifications,
                   InjectedFailures failures) {
        this.state = state;
        this.delivery = delivery;
        this.notifications = notifications;
        this.failures = failures;
    }

    String publish(QueryParams params, String requestId) {
        failures.maybeFail();
        String topicArn = params.get("TopicArn");
        if (topicArn == null || topicArn.isEmpty()) {
            topicArn = params.get("TargetArn");
        }
        if (topicArn == null || topicArn.isEmpty()) {
            if (params.has("PhoneNumber")) {
                throw SnsError.invalidParameter("Invalid parameter: PhoneNumber (SMS is not supported by the local "
                        + "SNS stand-in)");
            }
            throw SnsError.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required "
                    + "parameter");
        }
        Topic topic = state.topic(topicArn);
        return SnsResponses.publish(requestId, publishOne(topic, params).messageId());
    }

    /**
     * The batch as a whole is refused for what SNS refuses it (no entries, too many, bad or repeated ids, too long);
     * then each entry succeeds or fails on its own, and the answer lists both.
     */
    String publishBatch(QueryParams params, String requestId) {
        failures.maybeFail();
        String topicArn = params.required("TopicArn");
        List<QueryParams> entries = params.indexed("PublishBatchRequestEntries", "member");
        refuseInvalidBatch(entries);
        Topic topic = state.topic(topicArn);
        PublishBatchResult result = new PublishBatchResult();
        for (QueryParams entry : entries) {
            String id = entry.get("Id");
            try {
                result.succeeded(id, publishOne(topic, entry).messageId());
            } catch (SnsError e) {
                result.failed(id, e);
            }
        }
        return SnsResponses.publishBatch(requestId, result);
    }

    private Notification publishOne(Topic topic, QueryParams message) {
        Notification notification = notifications.read(topic, message);
        delivery.fanOut(notification, List.copyOf(topic.subscriptions));
        return notification;
    }

    private static void refuseInvalidBatch(List<QueryParams> entries) {
        if (entries.isEmpty()) {
            throw SnsError.sender("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsError.sender("TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long totalBytes = 0;
        for (QueryParams entry : entries) {
            String id = entry.get("Id");
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) {
                throw SnsError.sender("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric "
                        + "characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!ids.add(id)) {
                throw SnsError.sender("BatchEntryIdsNotDistinct",
                        "Two or more batch entries in the request have the same Id.");
            }
            String message = entry.get("Message");
            totalBytes += message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length;
        }
        if (totalBytes > NotificationReader.MAX_MESSAGE_BYTES) {
            throw SnsError.sender("BatchRequestTooLong", "The length of all the messages put together is more than "
                    + "the limit.");
        }
    }
}
