package io.eventsuite.localcloud.sns;

import java.util.Map;

/**
 * What each action answers, in SNS's XML: the result elements of every action in one place, written with
 * {@link SnsXml}. Element names and order are what SDK v2's unmarshallers read.
 */
final class SnsResponses {

    private SnsResponses() {
    }

    /** The actions whose answer is only the request id: DeleteTopic, Set*Attributes, Unsubscribe. */
    static String noResult(String action, String requestId) {
        return SnsXml.response(action, requestId, null);
    }

    static String createTopic(String requestId, String topicArn) {
        return SnsXml.response("CreateTopic", requestId, xml -> xml.element("TopicArn", topicArn));
    }

    static String listTopics(String requestId, Page<String> page) {
        return SnsXml.response("ListTopics", requestId, xml -> {
            xml.open("Topics");
            page.items().forEach(arn -> xml.open("member").element("TopicArn", arn).close("member"));
            xml.close("Topics").element("NextToken", page.nextToken());
        });
    }

    /** GetTopicAttributes and GetSubscriptionAttributes. */
    static String attributes(String action, String requestId, Map<String, String> attributes) {
        return SnsXml.response(action, requestId, xml -> xml.map("Attributes", attributes));
    }

    static String subscribe(String requestId, String subscriptionArn) {
        return SnsXml.response("Subscribe", requestId, xml -> xml.element("SubscriptionArn", subscriptionArn));
    }

    /** ListSubscriptions and ListSubscriptionsByTopic. */
    static String subscriptions(String action, String requestId, Page<Subscription> page) {
        return SnsXml.response(action, requestId, xml -> {
            xml.open("Subscriptions");
            for (Subscription s : page.items()) {
                xml.open("member")
                        .element("SubscriptionArn", s.arn)
                        .element("Owner", SnsApi.ACCOUNT_ID)
                        .element("Protocol", s.protocol)
                        .element("Endpoint", s.endpoint)
                        .element("TopicArn", s.topicArn)
                        .close("member");
            }
            xml.close("Subscriptions").element("NextToken", page.nextToken());
        });
    }

    static String publish(String requestId, String messageId) {
        return SnsXml.response("Publish", requestId, xml -> xml.element("MessageId", messageId));
    }

    static String publishBatch(String requestId, PublishBatchResult result) {
        return SnsXml.response("PublishBatch", requestId, xml -> {
            xml.open("Successful");
            result.successful().forEach(s -> xml.open("member")
                    .element("Id", s.id()).element("MessageId", s.messageId()).close("member"));
            xml.close("Successful").open("Failed");
            result.failed().forEach(f -> xml.open("member").element("Id", f.id()).element("Code", f.code())
                    .element("Message", f.message()).element("SenderFault", Boolean.toString(f.senderFault()))
                    .close("member"));
            xml.close("Failed");
        });
    }
}
