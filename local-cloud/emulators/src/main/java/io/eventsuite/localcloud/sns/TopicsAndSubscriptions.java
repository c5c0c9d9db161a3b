package io.eventsuite.localcloud.sns;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's state, in memory: topics and subscriptions by ARN, and how an ARN the caller names is found or
 * refused. {@link #topicLock} orders creating and deleting topics with subscribing, so a subscription never lands on a
 * topic that is being deleted and two identical Subscribe calls make one subscription.
 */
final class TopicsAndSubscriptions {

    private static final String SNS_ARN_PREFIX = "arn:aws:sns:";

    final Map<String, Topic> topics = new ConcurrentHashMap<>();
    final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    final Object topicLock = new Object();
    private final String region;

    TopicsAndSubscriptions(String region) {
        this.region = region;
    }

    String topicArn(String name) {
        return SNS_ARN_PREFIX + region + ":" + SnsApi.ACCOUNT_ID + ":" + name;
    }

    static boolean isSnsArn(String arn) {
        return arn.startsWith(SNS_ARN_PREFIX);
    }

    /** The topic, else InvalidParameter for what is not an SNS ARN and NotFound for an unknown one. */
    Topic topic(String arn) {
        return existing(topics, arn, "TopicArn", "Topic does not exist");
    }

    /** The subscription, else InvalidParameter for what is not an SNS ARN and NotFound for an unknown one. */
    Subscription subscription(String arn) {
        return existing(subscriptions, arn, "SubscriptionArn", "Subscription does not exist");
    }

    private static <T> T existing(Map<String, T> byArn, String arn, String parameter, String notFound) {
        T found = byArn.get(arn);
        if (found != null) {
            return found;
        }
        if (!isSnsArn(arn)) {
            throw SnsError.invalidParameter("Invalid parameter: " + parameter);
        }
        throw SnsError.notFound(notFound);
    }
}
