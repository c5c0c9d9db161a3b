package io.eventsuite.benchmarks.load;

import io.eventsuite.localcloud.LocalEmulators;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local cloud's state as the checks read it, straight from the emulators on 127.0.0.1 (never through the
 * fault switch's proxies): queue depths, every item of every table, and the captured emails (the local SES).
 */
final class CloudState implements AutoCloseable {

    static final String CAPTURED_EMAIL_QUEUE = "captured-email";

    private final SqsClient sqs;
    private final DynamoDbClient dynamo;

    CloudState(URI sqsEndpoint, URI dynamodbEndpoint) {
        this.sqs = LocalEmulators.sqsClient(sqsEndpoint, LocalEmulators.DEFAULT_REGION);
        this.dynamo = DynamoDbClient.builder().endpointOverride(dynamodbEndpoint)
                .region(Region.of(LocalEmulators.DEFAULT_REGION)).credentialsProvider(LocalEmulators.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Queue name -> URL, every queue of the local cloud. */
    Map<String, String> queues() {
        Map<String, String> queues = new LinkedHashMap<>();
        sqs.listQueues().queueUrls().forEach(url -> queues.put(url.substring(url.lastIndexOf('/') + 1), url));
        return queues;
    }

    static boolean isDeadLetterQueue(String name) {
        return name.endsWith("DLQ");
    }

    /** Messages waiting plus messages being processed (received, not yet deleted). */
    int depth(String url) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** DLQ name -> depth. */
    Map<String, Integer> deadLetterDepths() {
        Map<String, Integer> depths = new LinkedHashMap<>();
        queues().forEach((name, url) -> {
            if (isDeadLetterQueue(name)) {
                depths.put(name, depth(url));
            }
        });
        return depths;
    }

    /** Messages in the queues consumers read (not DLQs, not the captured emails, which nobody consumes). */
    int inFlight() {
        int total = 0;
        for (var queue : queues().entrySet()) {
            if (!isDeadLetterQueue(queue.getKey()) && !queue.getKey().equals(CAPTURED_EMAIL_QUEUE)) {
                total += depth(queue.getValue());
            }
        }
        return total;
    }

    List<String> tables() {
        return dynamo.listTables().tableNames();
    }

    /** Every item of a table (a checker's Scan; the functions never scan). */
    List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    /** Items whose events are still waiting in the outbox (the sparse {@code outboxState} attribute is set). */
    int pendingEvents() {
        int pending = 0;
        for (String table : tables()) {
            pending += (int) items(table).stream().filter(i -> i.containsKey("outboxState")).count();
        }
        return pending;
    }

    /** A captured email: its JSON body and when the channel handed it over. */
    record Email(String body, long sentAtMillis) {
    }

    /** Takes every captured email off the queue (the driver is the inbox's reader). */
    List<Email> drainEmails() {
        String url = queues().get(CAPTURED_EMAIL_QUEUE);
        List<Email> emails = new ArrayList<>();
        if (url == null) {
            return emails;
        }
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
                    .messages();
            if (batch.isEmpty()) {
                emptyPolls++;
                continue;
            }
            emptyPolls = 0;
            for (Message m : batch) {
                emails.add(new Email(m.body(),
                        Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP))));
            }
            sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(batch.stream().map(m ->
                    software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
        }
        return emails;
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
    }
}
