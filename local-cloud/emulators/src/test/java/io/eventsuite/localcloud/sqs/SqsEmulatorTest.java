package io.eventsuite.localcloud.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.eventsuite.localcloud.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsEmulatorTest {

    private static SqsEmulator emulator;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulator = SqsEmulator.start();
        sqs = TestClients.sqs(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        emulator.close();
    }

    @Test
    void listensOnLoopbackAndKnowsElasticMqsArnsAndUrls() {
        assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(emulator.port()).isPositive();

        String url = sqs.createQueue(b -> b.queueName("arn-check")).queueUrl();
        String reported = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        assertThat(reported).isEqualTo(emulator.queueArn("arn-check"))
                .isEqualTo("arn:aws:sqs:us-east-1:000000000000:arn-check");
        assertThat(url).isEqualTo(emulator.queueUrl("arn-check").toString());
        assertThat(sqs.getQueueUrl(b -> b.queueName("arn-check")).queueUrl()).isEqualTo(url);
        assertThat(SqsEmulator.queueNameFromArn(reported)).isEqualTo("arn-check");
        assertThatThrownBy(() -> SqsEmulator.queueNameFromArn("arn:aws:sns:us-east-1:000000000000:t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redrivesToTheDeadLetterQueueAfterMaxReceiveCount() {
        String dlqUrl = sqs.createQueue(b -> b.queueName("work-dlq")).queueUrl();
        String redrive = "{\"deadLetterTargetArn\":\"" + emulator.queueArn("work-dlq") + "\",\"maxReceiveCount\":\"2\"}";
        String url = sqs.createQueue(b -> b.queueName("work").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison"));

        // Two receives that never delete: each time the message comes back after the 1 s visibility timeout.
        int receives = 0;
        long deadline = System.nanoTime() + 15_000_000_000L;
        List<Message> dead = List.of();
        while (dead.isEmpty() && System.nanoTime() < deadline) {
            receives += sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(1))
                    .messages().size();
            dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(0)).messages();
        }

        assertThat(receives).isEqualTo(2);
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("poison"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages()).isEmpty();
    }

    @Test
    void startsOnAGivenPortAndStops() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SqsEmulator fixed = SqsEmulator.start(port, "eu-west-1");
        try (SqsClient client = TestClients.sqs(fixed.endpoint())) {
            assertThat(fixed.port()).isEqualTo(port);
            String url = client.createQueue(b -> b.queueName("fixed")).queueUrl();
            assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/000000000000/fixed");
            assertThat(client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN)).isEqualTo(fixed.queueArn("fixed"))
                    .isEqualTo("arn:aws:sqs:eu-west-1:000000000000:fixed");
        } finally {
            fixed.close();
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
