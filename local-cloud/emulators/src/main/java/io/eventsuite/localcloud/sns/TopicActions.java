package io.eventsuite.localcloud.sns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes and SetTopicAttributes. Standard topics only. */
final class TopicActions {

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final TopicsAndSubscriptions state;

    TopicActions(TopicsAndSubscriptions state) {
        this.state = state;
    }

    /** Idempotent by name, as on AWS, unless the attributes given differ from the topic's. */
    String createTopic(QueryParams params, String requestId) {
        String name = params.required("Name");
        if (name.endsWith(".fifo")) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name (FIFO topics are not supported by the "
                    + "local SNS stand-in)");
        }
        if (!TOPIC_NAME.matcher(name).matches()) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name");
        }
        Map<String, String> attributes = params.map("Attributes", "key", "value");
        if ("true".equalsIgnoreCase(attributes.get("FifoTopic"))) {
            throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: FifoTopic: FIFO topics are not "
                    + "supported by the local SNS stand-in");
        }
        String arn = state.topicArn(name);
        synchronized (state.topicLock) {
            Topic existing = state.topics.get(arn);
            if (existing != null) {
                refuseOtherAttributes(existing, attributes);
            } else {
                Topic topic = new Topic(name, arn);
                topic.attributes.putAll(attributes);
                state.topics.put(arn, topic);
            }
        }
        return SnsResponses.createTopic(requestId, arn);
    }

    private static void refuseOtherAttributes(Topic existing, Map<String, String> attributes) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String current = existing.attributes.get(e.getKey());
            if (current != null && !current.equals(e.getValue())) {
                throw SnsError.invalidParameter(
                        "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
            }
        }
    }

    String deleteTopic(QueryParams params, String requestId) {
        String arn = params.required("TopicArn");
        Topic removed;
        synchronized (state.topicLock) {
            removed = state.topics.remove(arn);
        }
        if (removed != null) {
            for (Subscription s : removed.subscriptions) {
                state.subscriptions.remove(s.arn);
            }
        }
        // Deleting a topic that does not exist is not an error on AWS.
        return SnsResponses.noResult("DeleteTopic", requestId);
    }

    String listTopics(QueryParams params, String requestId) {
        List<String> arns = state.topics.keySet().stream().sorted().toList();
        return SnsResponses.listTopics(requestId, Page.of(arns, params.get("NextToken")));
    }

    String getTopicAttributes(QueryParams params, String requestId) {
        Topic topic = state.topic(params.required("TopicArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("TopicArn", topic.arn);
        attributes.put("Owner", SnsApi.ACCOUNT_ID);
        attributes.put("DisplayName", "");
        attributes.put("Policy", DefaultPolicies.topicPolicy(topic.arn));
        attributes.put("SubscriptionsConfirmed", Integer.toString(topic.subscriptions.size()));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        attributes.put("EffectiveDeliveryPolicy", DefaultPolicies.deliveryPolicy());
        attributes.putAll(topic.attributes);
        return SnsResponses.attributes("GetTopicAttributes", requestId, attributes);
    }

    /** Stores any attribute as given (an empty value removes it); only FifoTopic, fixed at creation, is refused. */
    String setTopicAttributes(QueryParams params, String requestId) {
        Topic topic = state.topic(params.required("TopicArn"));
        String name = params.required("AttributeName");
        String value = params.get("AttributeValue");
        if (name.equals("FifoTopic")) {
            throw SnsError.invalidParameter("Invalid parameter: AttributeName");
        }
        if (value == null || value.isEmpty()) {
            topic.attributes.remove(name);
        } else {
            topic.attributes.put(name, value);
        }
        return SnsResponses.noResult("SetTopicAttributes", requestId);
    }
}
