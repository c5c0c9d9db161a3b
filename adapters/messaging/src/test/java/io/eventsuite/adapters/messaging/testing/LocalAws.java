package io.eventsuite.adapters.messaging.testing;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.sns.SnsStandIn;
import io.eventsuite.localcloud.sqs.SqsEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ and the project's SNS stand-in, started once for the whole test JVM (ElasticMQ takes seconds to start)
 * and stopped when it exits. Each test makes its own topics and queues, with unique names.
 */
public final class LocalAws {

    public static final String REGION = LocalEmulators.DEFAULT_REGION;

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static volatile LocalAws instance;

    private final SqsEmulator sqsEmulator;
    private final SqsClient deliveryClient;
    private final SnsStandIn sns;
    private final SqsClient sqs;
    private final SnsClient snsAdmin;

    private LocalAws() {
        sqsEmulator = SqsEmulator.start();
        deliveryClient = LocalEmulators.sqsClient(sqsEmulator.endpoint(), REGION);
        sns = SnsStandIn.start(deliveryClient, REGION);
        sqs = SqsClient.builder()
                .endpointOverride(sqsEmulator.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(LocalEmulators.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(20)))
                .build();
        snsAdmin = SnsClient.builder()
                .endpointOverride(sns.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(LocalEmulators.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(20)))
                .build();
    }

    public static LocalAws get() {
        if (instance == null) {
            synchronized (LocalAws.class) {
                if (instance == null) {
                    LocalAws started = new LocalAws();
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-aws-stop"));
                    instance = started;
                }
            }
        }
        return instance;
    }

    /** A name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    public SnsStandIn snsStandIn() {
        return sns;
    }

    public URI snsEndpoint() {
        return sns.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsEmulator.endpoint();
    }

    public SqsClient sqs() {
        return sqs;
    }

    public String createTopic(String name) {
        return snsAdmin.createTopic(b -> b.name(name)).topicArn();
    }

    public String createQueue(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    public String createFifoQueue(String name) {
        return sqs.createQueue(b -> b.queueName(name + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    }

    /** A new queue subscribed to the topic with raw message delivery and, unless null, a filter policy. */
    public String subscribedQueue(String topicArn, String filterPolicy) {
        String name = uniqueName("q");
        String url = createQueue(name);
        Map<String, String> attributes = filterPolicy == null
                ? Map.of("RawMessageDelivery", "true")
                : Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy);
        snsAdmin.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(sqsEmulator.queueArn(name))
                .attributes(attributes));
        return url;
    }

    /** Everything in the queue now (the stand-in delivers before Publish answers), deleted as read. */
    public List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private void close() {
        snsAdmin.close();
        sqs.close();
        sns.close();
        deliveryClient.close();
        sqsEmulator.close();
    }
}
