package io.eventsuite.localcloud.sns;

import java.time.Clock;

/**
 * The SNS actions the stand-in speaks, on Query-protocol parameters, answering XML. No HTTP here: {@link SnsStandIn}
 * reads the request into {@link QueryParams} and writes back what this returns.
 *
 * <p>Each group of actions has its own class over the shared {@link TopicsAndSubscriptions}: {@link TopicActions},
 * {@link SubscriptionActions} and {@link PublishActions}. Every action is safe to call concurrently.
 */
final class SnsApi {

    static final String ACCOUNT_ID = "000000000000";

    private final TopicsAndSubscriptions state;
    private final InjectedFailures publishFailures = new InjectedFailures();
    private final TopicActions topics;
    private final SubscriptionActions subscriptions;
    private final PublishActions publishing;

    SnsApi(String region, SqsDelivery delivery, Clock clock) {
        this.state = new TopicsAndSubscriptions(region);
        this.topics = new TopicActions(state);
        this.subscriptions = new SubscriptionActions(state);
        this.publishing = new PublishActions(state, delivery, new NotificationReader(clock), publishFailures);
    }

    String topicArn(String name) {
        return state.topicArn(name);
    }

    void failPublishes(int calls) {
        publishFailures.failNext(calls);
    }

    void healthy() {
        publishFailures.stop();
    }

    /** Answers one request; throws {@link SnsError} for an AWS error response. */
    String handle(QueryParams params, String requestId) {
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw SnsError.sender("MissingAction", "Missing Action");
        }
        return switch (action) {
            case "CreateTopic" -> topics.createTopic(params, requestId);
            case "DeleteTopic" -> topics.deleteTopic(params, requestId);
            case "ListTopics" -> topics.listTopics(params, requestId);
            case "GetTopicAttributes" -> topics.getTopicAttributes(params, requestId);
            case "SetTopicAttributes" -> topics.setTopicAttributes(params, requestId);
            case "Subscribe" -> subscriptions.subscribe(params, requestId);
            case "Unsubscribe" -> subscriptions.unsubscribe(params, requestId);
            case "GetSubscriptionAttributes" -> subscriptions.getSubscriptionAttributes(params, requestId);
            case "SetSubscriptionAttributes" -> subscriptions.setSubscriptionAttributes(params, requestId);
            case "ListSubscriptionsByTopic" -> subscriptions.listSubscriptionsByTopic(params, requestId);
            case "ListSubscriptions" -> subscriptions.listSubscriptions(params, requestId);
            case "Publish" -> publishing.publish(params, requestId);
            case "PublishBatch" -> publishing.publishBatch(params, requestId);
            default -> throw SnsError.sender("InvalidAction",
                    "Could not find operation " + action + " for version 2010-03-31 in the local SNS stand-in");
        };
    }
}
