package io.eventsuite.localcloud.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.eventsuite.localcloud.TestClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

/** Publishing through the SNS stand-in: raw and envelope delivery, filter policies, batches, input validation. */
class SnsPublishingTest extends SnsStandInTestSupport {

    @Test
    void publishDeliversRawAndEnvelopeCopiesWithTheGoldenEnvelope() throws Exception {
        String name = unique("golden");
        String topicArn = sns.createTopic(b -> b.name(name)).topicArn();
        Queue raw = queue();
        Queue enveloped = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(raw.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        String envelopeSubscription = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs")
                .endpoint(enveloped.arn())).subscriptionArn();
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("type", stringAttribute("order.placed"));
        attributes.put("amount", MessageAttributeValue.builder().dataType("Number").stringValue("12.50").build());
        attributes.put("tags", MessageAttributeValue.builder().dataType("String.Array")
                .stringValue("[\"a\",\"b\"]").build());
        attributes.put("blob", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build());
        String message = "{\"orderId\":\"o-1\",\"note\":\"caf\u00e9 <&> \\\"quoted\\\"\"}";

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PublishResponse published = sns.publish(b -> b.topicArn(topicArn).subject("Order placed").message(message)
                .messageAttributes(attributes));
        Instant after = Instant.now();

        // raw: the message verbatim, the attributes as SQS attributes of the same types
        Message rawCopy = single(raw);
        assertThat(rawCopy.body()).isEqualTo(message);
        var sqsAttributes = rawCopy.messageAttributes();
        assertThat(sqsAttributes).containsOnlyKeys("type", "amount", "tags", "blob");
        assertThat(sqsAttributes.get("type").dataType()).isEqualTo("String");
        assertThat(sqsAttributes.get("type").stringValue()).isEqualTo("order.placed");
        assertThat(sqsAttributes.get("amount").dataType()).isEqualTo("Number");
        assertThat(sqsAttributes.get("amount").stringValue()).isEqualTo("12.50");
        assertThat(sqsAttributes.get("tags").dataType()).isEqualTo("String.Array");
        assertThat(sqsAttributes.get("tags").stringValue()).isEqualTo("[\"a\",\"b\"]");
        assertThat(sqsAttributes.get("blob").dataType()).isEqualTo("Binary");
        assertThat(sqsAttributes.get("blob").binaryValue().asByteArray()).containsExactly(1, 2, 3);

        // envelope: the JSON document, no SQS attributes
        Message envelopeCopy = single(enveloped);
        assertThat(envelopeCopy.messageAttributes()).isEmpty();
        JsonNode envelope = JSON.readTree(envelopeCopy.body());
        String timestamp = envelope.get("Timestamp").stringValue();
        assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(timestamp)).isBetween(before, after);
        String base = standIn.endpoint().toString();
        String golden = "{\"Type\":\"Notification\","
                + "\"MessageId\":\"" + published.messageId() + "\","
                + "\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:" + name + "\","
                + "\"Subject\":\"Order placed\","
                + "\"Message\":\"{\\\"orderId\\\":\\\"o-1\\\",\\\"note\\\":\\\"caf\u00e9 <&> \\\\\\\"quoted\\\\\\\"\\\"}\","
                + "\"Timestamp\":\"" + timestamp + "\","
                + "\"SignatureVersion\":\"1\","
                + "\"Signature\":\"ZXZlbnRzdWl0ZSBsb2NhbCBTTlMgc3RhbmQtaW46IG5vdCBhIHJlYWwgc2lnbmF0dXJl\","
                + "\"SigningCertURL\":\"" + base + "/SimpleNotificationService-local-stand-in.pem\","
                + "\"UnsubscribeURL\":\"" + base + "/?Action=Unsubscribe&SubscriptionArn=" + envelopeSubscription + "\","
                + "\"MessageAttributes\":{"
                + "\"type\":{\"Type\":\"String\",\"Value\":\"order.placed\"},"
                + "\"amount\":{\"Type\":\"Number\",\"Value\":\"12.50\"},"
                + "\"tags\":{\"Type\":\"String.Array\",\"Value\":\"[\\\"a\\\",\\\"b\\\"]\"},"
                + "\"blob\":{\"Type\":\"Binary\",\"Value\":\"AQID\"}}}";
        assertThat(envelopeCopy.body()).isEqualTo(golden);
        assertThat(envelope.get("Message").stringValue()).isEqualTo(message);
    }

    @Test
    void envelopeWithoutSubjectOrAttributesLeavesThoseFieldsOut() throws Exception {
        String topicArn = topic();
        Queue queue = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()));

        sns.publish(b -> b.topicArn(topicArn).message("plain text"));

        JsonNode envelope = JSON.readTree(single(queue).body());
        List<String> fields = new ArrayList<>(envelope.propertyNames());
        assertThat(fields).containsExactly("Type", "MessageId", "TopicArn", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL");
        assertThat(envelope.get("Message").stringValue()).isEqualTo("plain text");
    }

    @Test
    void filterPolicyOnTheTypeAttributeDropsWhatDoesNotMatch() {
        String topicArn = topic();
        Queue placed = queue();
        Queue everything = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(placed.arn())
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"type\":[\"order.placed\"]}")));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(everything.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        long filteredBefore = standIn.stats().filteredOut();

        sns.publish(b -> b.topicArn(topicArn).message("placed").messageAttributes(Map.of("type",
                stringAttribute("order.placed"))));
        sns.publish(b -> b.topicArn(topicArn).message("cancelled").messageAttributes(Map.of("type",
                stringAttribute("order.cancelled"))));
        sns.publish(b -> b.topicArn(topicArn).message("untyped"));

        assertThat(TestClients.drain(sqs, placed.url())).extracting(Message::body).containsExactly("placed");
        assertThat(TestClients.drain(sqs, everything.url())).extracting(Message::body)
                .containsExactlyInAnyOrder("placed", "cancelled", "untyped");
        assertThat(standIn.stats().filteredOut() - filteredBefore).isEqualTo(2);
    }

    @Test
    void filterPolicyOnTheMessageBody() {
        String topicArn = topic();
        Queue big = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(big.arn())
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicyScope", "MessageBody",
                        "FilterPolicy", "{\"data\":{\"total\":[{\"numeric\":[\">=\",100]}]}}")));

        sns.publish(b -> b.topicArn(topicArn).message("{\"data\":{\"total\":250}}"));
        sns.publish(b -> b.topicArn(topicArn).message("{\"data\":{\"total\":99}}"));
        sns.publish(b -> b.topicArn(topicArn).message("not json at all"));

        assertThat(TestClients.drain(sqs, big.url())).extracting(Message::body)
                .containsExactly("{\"data\":{\"total\":250}}");
    }

    @Test
    void publishBatchTakesTenEntriesAndRefusesEleven() {
        String topicArn = topic();
        Queue queue = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        List<PublishBatchRequestEntry> ten = IntStream.range(0, 10)
                .mapToObj(i -> PublishBatchRequestEntry.builder().id("e" + i).message("m" + i)
                        .messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number")
                                .stringValue(Integer.toString(i)).build()))
                        .build())
                .toList();

        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(ten));

        assertThat(response.failed()).isEmpty();
        assertThat(response.successful()).extracting(e -> e.id())
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
        assertThat(response.successful()).allSatisfy(e -> assertThat(e.messageId()).isNotBlank());
        List<Message> delivered = TestClients.drain(sqs, queue.url());
        assertThat(delivered).extracting(Message::body)
                .containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(delivered).allSatisfy(m -> assertThat(m.messageAttributes()).containsKey("n"));

        List<PublishBatchRequestEntry> eleven = new ArrayList<>(ten);
        eleven.add(PublishBatchRequestEntry.builder().id("e10").message("m10").build());
        assertThatThrownBy(() -> sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(eleven)))
                .isInstanceOfSatisfying(TooManyEntriesInBatchRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(TestClients.drain(sqs, queue.url())).isEmpty();
    }

    @Test
    void publishBatchReportsEntriesItCannotPublishAndRefusesBadBatches() {
        String topicArn = topic();
        Queue queue = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));

        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("good").message("fine").build(),
                PublishBatchRequestEntry.builder().id("bad").message("oops").messageAttributes(Map.of("n",
                        MessageAttributeValue.builder().dataType("Number").stringValue("not a number").build()))
                        .build()));

        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("good");
        assertThat(response.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("bad");
            assertThat(f.code()).isEqualTo("ParameterValueInvalid");
            assertThat(f.senderFault()).isTrue();
            assertThat(f.message()).contains("'n'");
        });
        assertThat(TestClients.drain(sqs, queue.url())).extracting(Message::body).containsExactly("fine");

        assertThatThrownBy(() -> sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("same").message("1").build(),
                PublishBatchRequestEntry.builder().id("same").message("2").build())))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
        assertThatThrownBy(() -> sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(List.of())))
                .isInstanceOf(EmptyBatchRequestException.class);
    }

    @Test
    void publishValidatesItsInput() {
        String topicArn = topic();
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Empty message");
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("x".repeat(256 * 1024 + 1))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Message too long");
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("m").messageAttributes(Map.of("n",
                MessageAttributeValue.builder().dataType("Number").stringValue("twelve").build()))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("m").messageAttributes(Map.of("n",
                MessageAttributeValue.builder().dataType("Date").stringValue("today").build()))))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void messageStructureJsonDeliversTheSqsEntry() {
        String topicArn = topic();
        Queue queue = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));

        sns.publish(b -> b.topicArn(topicArn).messageStructure("json")
                .message("{\"default\":\"for everyone\",\"sqs\":\"for queues\"}"));

        assertThat(single(queue).body()).isEqualTo("for queues");
    }

    @Test
    void moreThanTenAttributesAreNotDeliveredRawButStillInAnEnvelope() {
        String topicArn = topic();
        Queue raw = queue();
        Queue enveloped = queue();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(raw.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(enveloped.arn()));
        Map<String, MessageAttributeValue> eleven = new LinkedHashMap<>();
        IntStream.range(0, 11).forEach(i -> eleven.put("a" + i, stringAttribute("v" + i)));
        long before = standIn.stats().droppedTooManyAttributes();

        sns.publish(b -> b.topicArn(topicArn).message("crowded").messageAttributes(eleven));

        assertThat(TestClients.drain(sqs, raw.url())).isEmpty();
        assertThat(TestClients.drain(sqs, enveloped.url())).hasSize(1);
        assertThat(standIn.stats().droppedTooManyAttributes() - before).isEqualTo(1);
    }
}
