package io.eventsuite.localcloud.sqs;

import java.net.URI;
import java.util.Objects;

import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

/**
 * ElasticMQ embedded in this JVM: the SQS of the local cloud and of the integration tests.
 *
 * <p>It listens on 127.0.0.1 only (ElasticMQ's own default is every interface), on a free port unless one is given.
 * It speaks the SQS JSON protocol of SDK v2: queues, batches, visibility, long polling, FIFO and redrive to a
 * dead-letter queue all work. Queue ARNs have ElasticMQ's form {@code arn:aws:sqs:<region>:000000000000:<name>},
 * the region being the one given here (default {@value #DEFAULT_REGION}).
 *
 * <pre>{@code
 * try (SqsEmulator sqs = SqsEmulator.start()) {
 *     SqsClient client = SqsClient.builder().endpointOverride(sqs.endpoint())...build();
 * }
 * }</pre>
 */
public final class SqsEmulator implements AutoCloseable {

    /** Account id ElasticMQ puts in queue URLs and ARNs. */
    public static final String ACCOUNT_ID = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final String HOST = "127.0.0.1";

    private final SQSRestServer server;
    private final String region;
    private final int port;
    private volatile boolean closed;

    private SqsEmulator(SQSRestServer server, String region, int port) {
        this.server = server;
        this.region = region;
        this.port = port;
    }

    /** Starts on a free port of 127.0.0.1, region {@value #DEFAULT_REGION}. */
    public static SqsEmulator start() {
        return start(0, DEFAULT_REGION);
    }

    /**
     * Starts on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     * @param region the region written in queue ARNs
     */
    public static SqsEmulator start(int port, String region) {
        Objects.requireNonNull(region, "region");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (free port) or 1-65535, was " + port);
        }
        TheSQSRestServerBuilder builder = SQSRestServerBuilder
                .withInterface(HOST)
                .withAWSRegion(region)
                .withAWSAccountId(ACCOUNT_ID);
        // A fixed port: queue URLs name it. A dynamic one: ElasticMQ derives queue URLs from the request's host.
        builder = port == 0
                ? builder.withDynamicPort()
                : builder.withPort(port).withServerAddress(org.elasticmq.NodeAddress.apply("http", HOST, port, ""));
        SQSRestServer server = builder.start();
        Http.ServerBinding binding;
        try {
            binding = server.waitUntilStarted();
        } catch (RuntimeException e) {
            try {
                server.stopAndWait();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("ElasticMQ did not start on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        return new SqsEmulator(server, region, binding.localAddress().getPort());
    }

    /** Where SDK clients point their {@code endpointOverride}, such as {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    public String region() {
        return region;
    }

    /** The ARN ElasticMQ reports (GetQueueAttributes QueueArn) for a queue of that name. */
    public String queueArn(String queueName) {
        return queueArn(region, queueName);
    }

    /** ElasticMQ's ARN form for a queue name in a region. */
    public static String queueArn(String region, String queueName) {
        return "arn:aws:sqs:" + region + ":" + ACCOUNT_ID + ":" + queueName;
    }

    /** The URL ElasticMQ gives a queue of that name. */
    public URI queueUrl(String queueName) {
        return URI.create(endpoint() + "/" + ACCOUNT_ID + "/" + queueName);
    }

    /** The queue name of an SQS ARN ({@code arn:aws:sqs:region:account:name}). */
    public static String queueNameFromArn(String queueArn) {
        String[] parts = queueArn == null ? new String[0] : queueArn.split(":", 6);
        if (parts.length != 6 || !"arn".equals(parts[0]) || !"sqs".equals(parts[2]) || parts[5].isEmpty()) {
            throw new IllegalArgumentException("not an SQS queue ARN: " + queueArn);
        }
        return parts[5];
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stopAndWait();
    }

    @Override
    public String toString() {
        return "SqsEmulator[" + endpoint() + ", region " + region + "]";
    }
}
