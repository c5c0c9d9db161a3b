package io.eventsuite.integration;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.aws.AwsAccount;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.localcloud.template.SamTemplate;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One local AWS for the whole test JVM: the emulators with template.yaml's tables, topics, queues and subscriptions,
 * made by the local cloud's {@link Provisioner} (as {@code local-cloud/run} makes them, with a 1 s visibility timeout
 * so a redelivery comes quickly), and the environment the functions read (as system properties, which Spring and the
 * AWS SDK both honour) pointing the deployed code at them.
 */
final class LocalAws {

    static final String REGION = "us-east-1";
    /** The relay leaves events younger than this to the request publishing them. */
    static final java.time.Duration OUTBOX_MIN_AGE = java.time.Duration.ofSeconds(1);
    /** Every queue's visibility timeout here: a failed message comes back after a second, not the template's 200 s. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 1;

    private static LocalAws instance;

    final LocalEmulators emulators;
    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final SnsClient sns;
    final String ordersTable;
    final String userTopicArn;
    final String orderTopicArn;
    final Queue sendNotifications;
    final Queue cancelOrdersOfDeletedUser;
    /** Not a template resource: the tests' own look at everything the order topic publishes. */
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
        Provisioner provisioner = new Provisioner(AwsAccount.embedded(emulators),
                new Provisioner.Settings("", VISIBILITY_TIMEOUT_SECONDS), warning -> { });
        ProvisionedStack stack = provisioner.provision(SamTemplate.load(Path.of("..", "template.yaml")));
        dynamo = provisioner.dynamo();
        sqs = provisioner.sqs();
        sns = provisioner.sns();

        ordersTable = stack.tableNames().get("OrdersTable");
        userTopicArn = stack.topicArns().get("UserEventsTopic");
        orderTopicArn = stack.topicArns().get("OrderEventsTopic");
        sendNotifications = Queue.of(stack, "SendNotificationsQueue", "SendNotificationsDLQ");
        cancelOrdersOfDeletedUser = Queue.of(stack, "CancelOrdersOfDeletedUserQueue", "CancelOrdersOfDeletedUserDLQ");
        orderEventsTap = tap(orderTopicArn, "order-events-tap", "[{\"prefix\":\"io.eventsuite.order.\"}]");
        capturedEmailQueueUrl = stack.capturedEmailQueueUrl();

        System.setProperty("aws.region", REGION);
        Map<String, String> overrides = stack.localOverrides();
        System.setProperty("aws.accessKeyId", overrides.get("AWS_ACCESS_KEY_ID"));
        System.setProperty("aws.secretAccessKey", overrides.get("AWS_SECRET_ACCESS_KEY"));
        System.setProperty("aws.endpointUrlDynamoDb", overrides.get("AWS_ENDPOINT_URL_DYNAMODB"));
        System.setProperty("aws.endpointUrlSns", overrides.get("AWS_ENDPOINT_URL_SNS"));
        System.setProperty("aws.endpointUrlSqs", overrides.get("AWS_ENDPOINT_URL_SQS"));
        Map.of("ORDERS_TABLE", ordersTable, "NOTIFICATIONS_TABLE", stack.tableNames().get("NotificationsTable"),
                "RECIPIENTS_TABLE", stack.tableNames().get("RecipientsTable"),
                "IDEMPOTENCY_TABLE", stack.tableNames().get("IdempotencyTable"), "IDEMPOTENCY_KEY_PREFIX", "integration",
                "EVENTS_TOPIC_ARN", orderTopicArn, "CAPTURED_EMAIL_QUEUE_URL", capturedEmailQueueUrl,
                "CURSOR_SIGNING_KEY", Base64.getEncoder().encodeToString(new byte[48]),
                // shorter than in production, so the tests need not wait long for an event to be old enough
                "eventsuite.outbox.relay.min-age", OUTBOX_MIN_AGE.toString(),
                "eventsuite.outbox.relay.max-refusals", "2")
                .forEach(System::setProperty);
    }

    /** A consumer's queue with its DLQ, as the template declares them. */
    record Queue(String name, String url, String arn, String dlqUrl) {

        static Queue of(ProvisionedStack stack, String queueId, String dlqId) {
            return new Queue(queueId, stack.queueUrl(queueId), stack.queueArn(queueId), stack.queueUrl(dlqId));
        }
    }

    /** A queue of the tests' own, subscribed raw to a topic for the event types the matcher accepts. */
    private Queue tap(String topicArn, String name, String typeMatcher) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = emulators.sqs().queueArn(name);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(Map.of(
                "RawMessageDelivery", "true",
                "FilterPolicyScope", "MessageAttributes",
                "FilterPolicy", "{\"type\":" + typeMatcher + "}")));
        return new Queue(name, url, arn, null);
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
