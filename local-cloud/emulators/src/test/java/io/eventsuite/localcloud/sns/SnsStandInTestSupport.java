package io.eventsuite.localcloud.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.TestClients;
import io.eventsuite.localcloud.sqs.SqsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SNS stand-in driven by the real SDK v2 SnsClient, delivering into ElasticMQ, read back with SqsClient: the
 * emulators each test class starts, and the helpers its tests share. The tests are split by behaviour:
 * {@link SnsTopicsAndSubscriptionsTest}, {@link SnsPublishingTest}, {@link SnsDeliveryFailuresTest}.
 */
abstract class SnsStandInTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger NAMES = new AtomicInteger();

    static SqsEmulator sqsEmulator;
    static SqsClient deliveryClient;
    static SnsStandIn standIn;
    static SnsClient sns;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        sqsEmulator = SqsEmulator.start();
        deliveryClient = LocalEmulators.sqsClient(sqsEmulator.endpoint(), TestClients.REGION);
        standIn = SnsStandIn.start(deliveryClient, TestClients.REGION);
        sns = TestClients.sns(standIn.endpoint());
        sqs = TestClients.sqs(sqsEmulator.endpoint());
    }

    @AfterAll
    static void stop() {
        sns.close();
        sqs.close();
        standIn.close();
        deliveryClient.close();
        sqsEmulator.close();
    }

    @AfterEach
    void heal() {
        standIn.healthy();
    }

    record Queue(String url, String arn) {
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    static String topic() {
        return sns.createTopic(b -> b.name(unique("topic"))).topicArn();
    }

    static Queue queue() {
        String name = unique("queue");
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        return new Queue(url, sqsEmulator.queueArn(name));
    }

    static Message single(Queue queue) {
        List<Message> messages = TestClients.drain(sqs, queue.url());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
