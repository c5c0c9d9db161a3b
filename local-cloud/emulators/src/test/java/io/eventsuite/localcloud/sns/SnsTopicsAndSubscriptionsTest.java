package io.eventsuite.localcloud.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.eventsuite.localcloud.TestClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.Message;

/** Topics and subscriptions on the SNS stand-in: creation, attributes, validation, unsubscribe and delete. */
class SnsTopicsAndSubscriptionsTest extends SnsStandInTestSupport {

    @Test
    void createTopicIsIdempotentByName() {
        String name = unique("orders");
        String first = sns.createTopic(b -> b.name(name)).topicArn();
        String second = sns.createTopic(b -> b.name(name)).topicArn();

        assertThat(first).isEqualTo(second).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name)
                .isEqualTo(standIn.topicArn(name));
        assertThat(sns.getTopicAttributes(b -> b.topicArn(first)).attributes())
                .containsEntry("TopicArn", first)
                .containsEntry("SubscriptionsConfirmed", "0")
                .containsKey("Policy");
        assertThat(sns.listTopics().topics()).anySatisfy(t -> assertThat(t.topicArn()).isEqualTo(first));
    }

    @Test
    void createTopicWithAnInvalidNameIsRefused() {
        assertThatThrownBy(() -> sns.createTopic(b -> b.name("no spaces allowed")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void subscribeIsIdempotentAndAttributesRoundTrip() {
        String topicArn = topic();
        String queueArn = queue().arn();
        String policy = "{\"type\":[\"order.placed\"]}";
        String redrive = "{\"deadLetterTargetArn\":\"" + sqsEmulator.queueArn("some-dlq") + "\"}";
        Map<String, String> attributes = Map.of("RawMessageDelivery", "true", "FilterPolicy", policy,
                "RedrivePolicy", redrive);

        String arn = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
        String again = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();

        assertThat(again).isEqualTo(arn).startsWith(topicArn + ":");
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .containsEntry("SubscriptionArn", arn)
                .containsEntry("TopicArn", topicArn)
                .containsEntry("Protocol", "sqs")
                .containsEntry("Endpoint", queueArn)
                .containsEntry("PendingConfirmation", "false")
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicy", policy)
                .containsEntry("FilterPolicyScope", "MessageAttributes")
                .containsEntry("RedrivePolicy", redrive);

        sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("RawMessageDelivery")
                .attributeValue("false"));
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicyScope")
                .attributeValue("MessageBody"));
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
                .containsEntry("RawMessageDelivery", "false")
                .containsEntry("FilterPolicyScope", "MessageBody");

        List<Subscription> listed = sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions();
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.subscriptionArn()).isEqualTo(arn);
            assertThat(s.protocol()).isEqualTo("sqs");
            assertThat(s.endpoint()).isEqualTo(queueArn);
            assertThat(s.topicArn()).isEqualTo(topicArn);
            assertThat(s.owner()).isEqualTo("000000000000");
        });
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topicArn)).attributes())
                .containsEntry("SubscriptionsConfirmed", "1");
    }

    @Test
    void subscribingTheSameQueueWithOtherAttributesIsRefused() {
        String topicArn = topic();
        String queueArn = queue().arn();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));

        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "false"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Subscription already exists with different attributes");
    }

    @Test
    void onlySqsSubscriptionsToQueueArnsAreAccepted() {
        String topicArn = topic();
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("https")
                .endpoint("https://example.invalid/hook")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint("not-an-arn")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs")
                .endpoint(sqsEmulator.queueArn("q")).attributes(Map.of("RawMessageDelivery", "yes"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("RawMessageDelivery");
    }

    @Test
    void unknownTopicIsNotFound() {
        String missing = standIn.topicArn(unique("missing"));

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(missing).message("hello")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(missing).protocol("sqs")
                .endpoint(sqsEmulator.queueArn("q"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.getTopicAttributes(b -> b.topicArn(missing)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.listSubscriptionsByTopic(b -> b.topicArn(missing)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(missing + ":0000")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void invalidFilterPolicyIsInvalidParameter() {
        String topicArn = topic();
        String queueArn = queue().arn();

        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("FilterPolicy", "{\"type\":[{\"numeric\":[\"<\",\"ten\"]}]}"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Invalid parameter: Attributes Reason: FilterPolicy: Value of < must be numeric");
                });
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("FilterPolicy", "{\"type\": \"order.placed\"}"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("FilterPolicy", "not json"))))
                .isInstanceOf(InvalidParameterException.class);

        String arn = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)).subscriptionArn();
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn)
                .attributeName("FilterPolicy").attributeValue("{\"a\":{\"b\":[\"nested\"]}}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not support nested filter policy");
        // ...which the body scope takes
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicyScope")
                .attributeValue("MessageBody"));
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicy")
                .attributeValue("{\"a\":{\"b\":[\"nested\"]}}"));
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn)
                .attributeName("FilterPolicyScope").attributeValue("Headers")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void unsubscribeStopsDelivery() {
        String topicArn = topic();
        Queue queue = queue();
        String arn = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn();
        sns.publish(b -> b.topicArn(topicArn).message("before"));

        sns.unsubscribe(b -> b.subscriptionArn(arn));
        sns.publish(b -> b.topicArn(topicArn).message("after"));

        assertThat(TestClients.drain(sqs, queue.url())).extracting(Message::body).containsExactly("before");
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions()).isEmpty();
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theEnvelopesUnsubscribeUrlWorks() throws Exception {
        String topicArn = topic();
        Queue queue = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()));
        sns.publish(b -> b.topicArn(topicArn).message("first"));
        String unsubscribeUrl = JSON.readTree(single(queue).body()).get("UnsubscribeURL").stringValue();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(unsubscribeUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<?xml").contains("<UnsubscribeResponse");
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions()).isEmpty();
    }

    @Test
    void deleteTopicRemovesItsSubscriptionsAndIsIdempotent() {
        String topicArn = topic();
        Queue queue = queue();
        String arn = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())).subscriptionArn();

        sns.deleteTopic(b -> b.topicArn(topicArn));
        sns.deleteTopic(b -> b.topicArn(topicArn));

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)))
                .isInstanceOf(NotFoundException.class);
    }
}
