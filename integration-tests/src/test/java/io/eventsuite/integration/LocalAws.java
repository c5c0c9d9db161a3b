package io.eventsuite.integration;

import io.eventsuite.adapters.dynamodb.TableDefinitions;
import io.eventsuite.localcloud.LocalEmulators;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One local AWS for the whole test JVM: the emulators, the tables, topics, queues and subscriptions of
 * template.yaml that these tests need, and the environment the functions read (as system properties, which
 * Spring and the AWS SDK both honour) pointing the deployed code at them.
 */
final class LocalAws {

    static final String REGION = "us-east-1";
    static final String MAX_RECEIVE_COUNT = "5";
    /** The relay leaves events younger than this to the request publishing them. */
    static final java.time.Duration OUTBOX_MIN_AGE = java.time.Duration.ofSeconds(1);

    private static LocalAws instance;

    final LocalEmulators emulators;
    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final SnsClient sns;
    final String userTopicArn;
    final String orderTopicArn;
    final Queue sendNotifications;
    final Queue cancelOrdersOfDeletedUser;
    final Queue orderEventsTap;
    final String capturedEmailQueueUrl;

    static synchronized LocalAws get() {
        if (instance == null) {
            instance = new LocalAws();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.emulators::close));
        }
        return instance;
    }

    private LocalAws() {
        emulators = LocalEmulators.start();
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty("aws.endpointUrlDynamoDb", emulators.dynamodb().endpoint().toString());
        System.setProperty("aws.endpointUrlSns", emulators.sns().endpoint().toString());
        System.setProperty("aws.endpointUrlSqs", emulators.sqs().endpoint().toString());
        dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.of(REGION)).build();
        sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.of(REGION)).build();
        sns = SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.of(REGION)).build();

        createTable(TableDefinitions::orders, "orders");
        createTable(TableDefinitions::notifications, "notifications");
        createTable(TableDefinitions::recipients, "recipients");
        createTable(TableDefinitions::idempotency, "idempotency");
        userTopicArn = sns.createTopic(r -> r.name("user-events")).topicArn();
        orderTopicArn = sns.createTopic(r -> r.name("order-events")).topicArn();
        sendNotifications = queue("send-notifications");
        subscribe(userTopicArn, sendNotifications, "[\"io.eventsuite.user.registered.v1\"]");
        subscribe(orderTopicArn, sendNotifications, "[\"io.eventsuite.order.placed.v1\",\"io.eventsuite.order.cancelled.v1\"]");
        cancelOrdersOfDeletedUser = queue("cancel-orders-of-deleted-user");
        subscribe(userTopicArn, cancelOrdersOfDeletedUser, "[\"io.eventsuite.user.deleted.v1\"]");
        orderEventsTap = queue("order-events-tap");
        subscribe(orderTopicArn, orderEventsTap, "[{\"prefix\":\"io.eventsuite.order.\"}]");
        capturedEmailQueueUrl = sqs.createQueue(r -> r.queueName("captured-email")).queueUrl();

        Map.of("ORDERS_TABLE", "orders", "NOTIFICATIONS_TABLE", "notifications", "RECIPIENTS_TABLE", "recipients",
                "IDEMPOTENCY_TABLE", "idempotency", "IDEMPOTENCY_KEY_PREFIX", "integration", "EVENTS_TOPIC_ARN", orderTopicArn,
                "CAPTURED_EMAIL_QUEUE_URL", capturedEmailQueueUrl,
                "CURSOR_SIGNING_KEY", Base64.getEncoder().encodeToString(new byte[48]),
                // shorter than in production, so the tests need not wait long for an event to be old enough
                "eventsuite.outbox.relay.min-age", OUTBOX_MIN_AGE.toString(),
                "eventsuite.outbox.relay.max-refusals", "2")
                .forEach(System::setProperty);
    }

    /** A consumer's queue with its DLQ, as the template declares them (a short visibility timeout for tests). */
    record Queue(String name, String url, String arn, String dlqUrl) {
    }

    private Queue queue(String name) {
        String dlqUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        String dlqArn = emulators.sqs().queueArn(name + "-dlq");
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}")))
                .queueUrl();
        return new Queue(name, url, emulators.sqs().queueArn(name), dlqUrl);
    }

    private void subscribe(String topicArn, Queue queue, String typeMatcher) {
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()).attributes(Map.of(
                "RawMessageDelivery", "true",
                "FilterPolicyScope", "MessageAttributes",
                "FilterPolicy", "{\"type\":" + typeMatcher + "}")));
    }

    private void createTable(Function<String, CreateTableRequest> definition, String name) {
        dynamo.createTable(definition.apply(name));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (dynamo.describeTable(r -> r.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + name + " never became active");
            }
            Thread.onSpinWait();
        }
    }

    int depth(String queueUrl) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    java.util.List<software.amazon.awssdk.services.sqs.model.Message> drain(String queueUrl) {
        java.util.List<software.amazon.awssdk.services.sqs.model.Message> all = new java.util.ArrayList<>();
        while (true) {
            var batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
    }
}
