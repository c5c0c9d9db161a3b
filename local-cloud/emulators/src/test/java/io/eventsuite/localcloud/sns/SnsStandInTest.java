package io.eventsuite.localcloud.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.TestClients;
import io.eventsuite.localcloud.sqs.SqsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SNS stand-in driven by the real SDK v2 SnsClient, delivering into ElasticMQ, read back with SqsClient. */
class SnsStandInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static SqsEmulator sqsEmulator;
    private static SqsClient deliveryClient;
    private static SnsStandIn standIn;
    private static SnsClient sns;
    private static SqsClient sqs;

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

    // ------------------------------------------------------------------ topics and subscriptions

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

    // ------------------------------------------------------------------ delivery

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

    // ------------------------------------------------------------------ helpers

    private record Queue(String url, String arn) {
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    private static String topic() {
        return sns.createTopic(b -> b.name(unique("topic"))).topicArn();
    }

    private static Queue queue() {
        String name = unique("queue");
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        return new Queue(url, sqsEmulator.queueArn(name));
    }

    private static Message single(Queue queue) {
        List<Message> messages = TestClients.drain(sqs, queue.url());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
