package io.eventsuite.localcloud.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.eventsuite.localcloud.TestClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/** When delivery or publishing fails on the SNS stand-in: redrive to the subscription DLQ, dropped deliveries, injected publish failures. */
class SnsDeliveryFailuresTest extends SnsStandInTestSupport {

    @Test
    void subscriptionRedrivesToItsDeadLetterQueueWhenTheTargetQueueIsMissing() {
        String topicArn = topic();
        Queue dlq = queue();
        String missingQueueArn = sqsEmulator.queueArn(unique("never-created"));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(missingQueueArn)
                .attributes(Map.of("RawMessageDelivery", "true",
                        "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\"}")));
        DeliveryStats before = standIn.stats();

        sns.publish(b -> b.topicArn(topicArn).message("undeliverable")
                .messageAttributes(Map.of("type", stringAttribute("order.placed"))));

        Message deadLetter = single(dlq);
        assertThat(deadLetter.body()).isEqualTo("undeliverable");
        assertThat(deadLetter.messageAttributes().get("type").stringValue()).isEqualTo("order.placed");
        DeliveryStats after = standIn.stats();
        assertThat(after.deadLettered() - before.deadLettered()).isEqualTo(1);
        assertThat(after.retried() - before.retried()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutARedrivePolicyAFailedDeliveryIsDroppedAndPublishStillSucceeds() {
        String topicArn = topic();
        Queue healthy = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(sqsEmulator.queueArn(unique("gone"))));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(healthy.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        long droppedBefore = standIn.stats().dropped();

        assertThat(sns.publish(b -> b.topicArn(topicArn).message("still here")).messageId()).isNotBlank();

        assertThat(single(healthy).body()).isEqualTo("still here");
        assertThat(standIn.stats().dropped() - droppedBefore).isEqualTo(1);
    }

    @Test
    void failPublishesMakesTheSdkThrowInternalErrorUntilHealthy() {
        String topicArn = topic();
        Queue queue = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        try (SnsClient noRetries = TestClients.snsWithoutRetries(standIn.endpoint())) {
            standIn.failPublishes(2);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> noRetries.publish(b -> b.topicArn(topicArn).message("lost")))
                        .isInstanceOfSatisfying(InternalErrorException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(500);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                        });
            }
            noRetries.publish(b -> b.topicArn(topicArn).message("third works"));

            standIn.failAllPublishes();
            assertThatThrownBy(() -> noRetries.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(
                    PublishBatchRequestEntry.builder().id("a").message("lost too").build())))
                    .isInstanceOf(InternalErrorException.class);
            assertThatThrownBy(() -> noRetries.publish(b -> b.topicArn(topicArn).message("lost")))
                    .isInstanceOf(InternalErrorException.class);
            standIn.healthy();
            noRetries.publish(b -> b.topicArn(topicArn).message("healthy again"));
        }
        assertThat(TestClients.drain(sqs, queue.url())).extracting(Message::body)
                .containsExactlyInAnyOrder("third works", "healthy again");
    }
}
