package io.eventsuite.benchmarks.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The cold-start baseline for the {@code sendNotifications} consumer: a plain-Java Lambda handler, no Spring, no shared
 * layer, doing per record the SDK work {@code SendNotificationsFunction} does for a new {@code order.placed.v1} event,
 * eight round trips: claim the event id (conditional PutItem on {@code IDEMPOTENCY_TABLE}), look for an earlier
 * notification of it (GetItem on {@code NOTIFICATIONS_TABLE}), read the recipient (consistent GetItem on
 * {@code RECIPIENTS_TABLE}), write the notification (conditional PutItem), read the recipient again (the service's
 * check that it was not erased meanwhile), send it through the email channel (in the local cloud, as the service does
 * there: SendMessage to {@code CAPTURED_EMAIL_QUEUE_URL}), mark it sent (UpdateItem) and store the outcome under the
 * event id. A record it
 * cannot handle is listed as a batch item failure. The SQS event and the CloudEvent body are read with the Lambda
 * runtime's own serializers.
 */
public final class PlainSendNotificationsHandler implements RequestStreamHandler {

    /** The CloudEvent body, as the Lambda runtime's serializer binds it. */
    public static final class CloudEvent {
        public String id;
        public String type;
        public String subject;
        public String time;
        public Map<String, Object> data;
    }

    private static final ClassLoader LOADER = PlainSendNotificationsHandler.class.getClassLoader();
    private static final PojoSerializer<SQSEvent> EVENTS = LambdaEventSerializers.serializerFor(SQSEvent.class, LOADER);
    private static final PojoSerializer<SQSBatchResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(SQSBatchResponse.class, LOADER);
    private static final PojoSerializer<CloudEvent> CLOUD_EVENTS =
            LambdaEventSerializers.serializerFor(CloudEvent.class, LOADER);
    private static final String RECIPIENTS = System.getenv("RECIPIENTS_TABLE");
    private static final String NOTIFICATIONS = System.getenv("NOTIFICATIONS_TABLE");
    private static final String EMAIL_QUEUE = System.getenv("CAPTURED_EMAIL_QUEUE_URL");
    private static final DynamoDbClient DYNAMO =
            DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private static final SqsClient SQS =
            SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private static final PlainIdempotency IDEMPOTENCY = new PlainIdempotency(DYNAMO,
            System.getenv("IDEMPOTENCY_TABLE"), System.getenv("IDEMPOTENCY_KEY_PREFIX"));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        SQSEvent batch = EVENTS.fromJson(input);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage record : batch.getRecords()) {
            try {
                handle(CLOUD_EVENTS.fromJson(record.getBody()));
            } catch (RuntimeException failed) {
                System.out.println("record " + record.getMessageId() + " failed: " + failed.getClass().getName());
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
        }
        RESPONSES.toJson(new SQSBatchResponse(failures), output);
    }

    private static void handle(CloudEvent event) {
        Instant now = Instant.now();
        String claim = IDEMPOTENCY.claim(event.id, event.type, now);
        String customer = String.valueOf(event.data.get("customerId"));
        String notificationId = event.id;
        if (DYNAMO.getItem(b -> b.tableName(NOTIFICATIONS).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(notificationId)))).hasItem()) {
            throw new IllegalStateException("notified before");
        }
        String email = recipientEmail(customer);
        String subject = "Order " + event.data.get("orderId") + " placed";
        DYNAMO.putItem(b -> b.tableName(NOTIFICATIONS).conditionExpression("attribute_not_exists(id)")
                .item(Map.of("id", AttributeValue.fromS(notificationId), "recipientId", AttributeValue.fromS(customer),
                        "causedBy", AttributeValue.fromS(event.id), "kind", AttributeValue.fromS("ORDER_PLACED"),
                        "subject", AttributeValue.fromS(subject), "body", AttributeValue.fromS(subject + "."),
                        "status", AttributeValue.fromS("PENDING"), "createdAt", AttributeValue.fromS(now.toString()))));
        if (!email.equals(recipientEmail(customer))) {
            throw new IllegalStateException("recipient changed");
        }
        SQS.sendMessage(b -> b.queueUrl(EMAIL_QUEUE).messageBody("{\"to\":" + PlainGetOrderHandler.quote(email)
                + ",\"subject\":" + PlainGetOrderHandler.quote(subject) + ",\"text\":"
                + PlainGetOrderHandler.quote(subject + ".") + "}"));
        DYNAMO.updateItem(b -> b.tableName(NOTIFICATIONS).key(Map.of("id", AttributeValue.fromS(notificationId)))
                .updateExpression("SET #s = :sent").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS("SENT"))));
        IDEMPOTENCY.complete(event.id, claim, "{\"outcome\":\"sent\"}", now);
    }

    private static String recipientEmail(String id) {
        GetItemResponse found = DYNAMO.getItem(b -> b.tableName(RECIPIENTS).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(id))));
        if (!found.hasItem() || !found.item().containsKey("email")) {
            throw new IllegalStateException("no recipient");
        }
        return found.item().get("email").s();
    }
}
