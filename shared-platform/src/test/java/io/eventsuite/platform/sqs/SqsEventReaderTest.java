package io.eventsuite.platform.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.eventsuite.platform.testing.SqsEvents;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQS events read with Jackson 3 are the events the Lambda runtime's own serializer reads, field for field: the
 * batches the tests send and a record with every part the event source mapping may deliver (system attributes, string
 * and binary message attributes, fields added later).
 */
class SqsEventReaderTest {

    private static final PojoSerializer<SQSEvent> RUNTIME_SERIALIZER =
            LambdaEventSerializers.serializerFor(SQSEvent.class, SqsEventReaderTest.class.getClassLoader());

    static Stream<String> events() {
        return Stream.of(
                twoRecords(),
                SqsEvents.batchFrom("EmptyQueue").toJson(),
                """
                {"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d","receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
                  "body":"test","attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1545082649183",
                   "SenderId":"AIDAIENQZJOLO23YVJ4VO","ApproximateFirstReceiveTimestamp":"1545082649185",
                   "AWSTraceHeader":"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"},
                  "messageAttributes":{"type":{"stringValue":"order.placed.v1","stringListValues":[],"binaryListValues":[],
                    "dataType":"String"},"blob":{"binaryValue":"AQID","stringListValues":[],"binaryListValues":[],
                    "dataType":"Binary"}},
                  "md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","md5OfMessageAttributes":"00484c68",
                  "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:my-queue",
                  "awsRegion":"us-east-2","addedLater":{"x":1}}]}
                """);
    }

    private static String twoRecords() {
        SqsEvents batch = SqsEvents.batchFrom("NotificationsQueue");
        batch.add("{\"a\":1}", Map.of("type", "order.placed.v1",
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        batch.add("{\"b\":2}");
        return batch.toJson();
    }

    @ParameterizedTest
    @MethodSource("events")
    void readsEveryFieldAsTheLambdaRuntimesSerializerDoes(String json) {
        SQSEvent expected = RUNTIME_SERIALIZER.fromJson(json);

        SQSEvent read = SqsEventReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(read).usingRecursiveComparison().isEqualTo(expected);
        assertThat(read.getRecords()).hasSameSizeAs(expected.getRecords()).allSatisfy(record ->
                assertThat(record.getEventSourceArn()).startsWith("arn:aws:sqs:"));
    }
}
