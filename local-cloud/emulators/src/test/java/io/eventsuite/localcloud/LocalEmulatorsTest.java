package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

class LocalEmulatorsTest {

    @Test
    void startsAllThreeWiredTogetherAndStopsThem() {
        LocalEmulators emulators = LocalEmulators.start();
        try (SnsClient sns = TestClients.sns(emulators.sns().endpoint());
             SqsClient sqs = TestClients.sqs(emulators.sqs().endpoint());
             DynamoDbClient dynamo = TestClients.dynamoDb(emulators.dynamodb().endpoint())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("local-check")).queueUrl();
            String topicArn = sns.createTopic(b -> b.name("local-check")).topicArn();
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(emulators.sqs().queueArn("local-check"))
                    .attributes(Map.of("RawMessageDelivery", "true")));

            sns.publish(b -> b.topicArn(topicArn).message("through SNS into SQS"));

            assertThat(TestClients.drain(sqs, queueUrl)).singleElement()
                    .satisfies(m -> assertThat(m.body()).isEqualTo("through SNS into SQS"));
            assertThat(dynamo.listTables().tableNames()).isEmpty();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            emulators.describe(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains(emulators.sqs().endpoint().toString())
                    .contains(emulators.sns().endpoint().toString())
                    .contains(emulators.dynamodb().endpoint().toString());
        } finally {
            emulators.close();
        }
        assertThat(emulators.dynamodb().isAlive()).isFalse();
    }
}
