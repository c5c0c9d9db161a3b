package io.eventsuite.localcloud.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Subscribe, Unsubscribe, GetSubscriptionAttributes, SetSubscriptionAttributes, ListSubscriptionsByTopic and
 * ListSubscriptions. Only {@code sqs} subscriptions to queue ARNs; they are confirmed at once.
 */
final class SubscriptionActions {

    private final TopicsAndSubscriptions state;

    SubscriptionActions(TopicsAndSubscriptions state) {
        this.state = state;
    }

    /** Idempotent by protocol and endpoint, as on AWS, unless other attributes are asked for. */
    String subscribe(QueryParams params, String requestId) {
        String topicArn = params.required("TopicArn");
        String protocol = params.required("Protocol").toLowerCase(Locale.ROOT);
        Topic topic = state.topic(topicArn);
        if (!protocol.equals("sqs")) {
            throw SnsError.invalidParameter("Invalid parameter: Protocol (the local SNS stand-in delivers to sqs "
                    + "only, not " + protocol + ")");
        }
        String endpoint = params.get("Endpoint");
        if (endpoint == null || !SubscriptionAttributes.isSqsArn(endpoint)) {
            throw SnsError.invalidParameter("Invalid parameter: SQS endpoint ARN");
        }
        Map<String, String> requested = params.map("Attributes", "key", "value");
        Subscription.Settings settings = SubscriptionAttributes.onSubscribe(requested);
        synchronized (state.topicLock) {
            for (Subscription existing : topic.subscriptions) {
                if (existing.protocol.equals(protocol) && existing.endpoint.equals(endpoint)) {
                    if (!requested.isEmpty() && !existing.settings().asAttributes().equals(settings.asAttributes())) {
                        throw SnsError.invalidParameter(
                                "Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                    }
                    return SnsResponses.subscribe(requestId, existing.arn);
                }
            }
            if (!state.topics.containsKey(topicArn)) {
                throw SnsError.notFound("Topic does not exist");
            }
            Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), topicArn, protocol,
                    endpoint, settings);
            topic.subscriptions.add(subscription);
            state.subscriptions.put(subscription.arn, subscription);
            return SnsResponses.subscribe(requestId, subscription.arn);
        }
    }

    String unsubscribe(QueryParams params, String requestId) {
        String arn = params.required("SubscriptionArn");
        if (!TopicsAndSubscriptions.isSnsArn(arn)) {
            throw SnsError.invalidParameter("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements");
        }
        Subscription removed = state.subscriptions.remove(arn);
        if (removed == null) {
            throw SnsError.notFound("Subscription does not exist");
        }
        Topic topic = state.topics.get(removed.topicArn);
        if (topic != null) {
            topic.subscriptions.remove(removed);
        }
        return SnsResponses.noResult("Unsubscribe", requestId);
    }

    String getSubscriptionAttributes(QueryParams params, String requestId) {
        Subscription s = state.subscription(params.required("SubscriptionArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("SubscriptionArn", s.arn);
        attributes.put("TopicArn", s.topicArn);
        attributes.put("Owner", SnsApi.ACCOUNT_ID);
        attributes.put("Protocol", s.protocol);
        attributes.put("Endpoint", s.endpoint);
        attributes.put("ConfirmationWasAuthenticated", "true");
        attributes.put("PendingConfirmation", "false");
        attributes.put("SubscriptionPrincipal", "arn:aws:iam::" + SnsApi.ACCOUNT_ID + ":user/local");
        attributes.put("EffectiveDeliveryPolicy", DefaultPolicies.deliveryPolicy());
        attributes.putAll(s.settings().asAttributes());
        return SnsResponses.attributes("GetSubscriptionAttributes", requestId, attributes);
    }

    String setSubscriptionAttributes(QueryParams params, String requestId) {
        Subscription s = state.subscription(params.required("SubscriptionArn"));
        String name = params.required("AttributeName");
        String value = params.get("AttributeValue");
        if (!SubscriptionAttributes.isKnown(name)) {
            throw SnsError.invalidParameter("Invalid parameter: AttributeName");
        }
        // one writer at a time per subscription, so two updates of different attributes both stick
        synchronized (s) {
            s.settings(SubscriptionAttributes.onSet(s.settings(), name, value == null ? "" : value));
        }
        return SnsResponses.noResult("SetSubscriptionAttributes", requestId);
    }

    String listSubscriptionsByTopic(QueryParams params, String requestId) {
        Topic topic = state.topic(params.required("TopicArn"));
        Page<Subscription> page = Page.of(List.copyOf(topic.subscriptions), params.get("NextToken"));
        return SnsResponses.subscriptions("ListSubscriptionsByTopic", requestId, page);
    }

    String listSubscriptions(QueryParams params, String requestId) {
        List<Subscription> all = new ArrayList<>(state.subscriptions.values());
        all.sort((a, b) -> a.arn.compareTo(b.arn));
        Page<Subscription> page = Page.of(all, params.get("NextToken"));
        return SnsResponses.subscriptions("ListSubscriptions", requestId, page);
    }
}
