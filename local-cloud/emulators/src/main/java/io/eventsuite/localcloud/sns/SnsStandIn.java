package io.eventsuite.localcloud.sns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The project's SNS stand-in: an HTTP server on 127.0.0.1 speaking the AWS Query protocol subset SDK v2's
 * {@code SnsClient} uses, delivering to SQS (ElasticMQ) through the given {@link SqsClient}.
 *
 * <p>Actions: CreateTopic (idempotent by name), DeleteTopic, ListTopics, Get/SetTopicAttributes, Subscribe (protocol
 * {@code sqs}, endpoint a queue ARN; attributes RawMessageDelivery, FilterPolicy, FilterPolicyScope, RedrivePolicy),
 * Unsubscribe, Get/SetSubscriptionAttributes, ListSubscriptionsByTopic, ListSubscriptions, Publish, PublishBatch (at
 * most 10 entries). Standard topics only. Topic ARNs are {@code arn:aws:sns:<region>:000000000000:<name>}.
 *
 * <p>Delivery is synchronous: when Publish answers, every subscribed queue whose filter policy accepts the message
 * has it (or its dead-letter queue has, see {@link DeliveryStats}). The queue is found by the name in its ARN.
 *
 * <pre>{@code
 * try (SqsEmulator sqs = SqsEmulator.start();
 *      SnsStandIn sns = SnsStandIn.start(sqsClientFor(sqs), "us-east-1")) {
 *     SnsClient client = SnsClient.builder().endpointOverride(sns.endpoint())...build();
 * }
 * }</pre>
 */
public final class SnsStandIn implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SnsStandIn.class.getName());
    private static final String HOST = "127.0.0.1";
    private static final int DELIVERY_ATTEMPTS = 3;
    private static final Duration DELIVERY_BACKOFF = Duration.ofMillis(10);

    private final HttpServer server;
    private final ExecutorService executor;
    private final SnsApi api;
    private final SqsDelivery delivery;
    private final String region;
    private volatile boolean closed;

    private SnsStandIn(HttpServer server, ExecutorService executor, SnsApi api, SqsDelivery delivery, String region) {
        this.server = server;
        this.executor = executor;
        this.api = api;
        this.delivery = delivery;
        this.region = region;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static SnsStandIn start(SqsClient deliveryClient, String region) {
        return start(deliveryClient, region, 0);
    }

    /**
     * Starts on 127.0.0.1.
     *
     * @param deliveryClient an SQS client pointed at the queues subscriptions name (the stand-in retries itself, so
     *                       a client without retries keeps failing deliveries quick)
     * @param region the region written in topic ARNs
     * @param port the port, or 0 for a free one
     */
    public static SnsStandIn start(SqsClient deliveryClient, String region, int port) {
        Objects.requireNonNull(deliveryClient, "deliveryClient");
        Objects.requireNonNull(region, "region");
        SqsDelivery delivery = new SqsDelivery(deliveryClient, DELIVERY_ATTEMPTS, DELIVERY_BACKOFF);
        SnsApi api = new SnsApi(region, delivery, Clock.systemUTC());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("SNS stand-in could not listen on " + HOST + ":" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads());
        server.setExecutor(executor);
        SnsStandIn standIn = new SnsStandIn(server, executor, api, delivery, region);
        server.createContext("/", standIn::handle);
        server.start();
        delivery.standInEndpoint(standIn.endpoint());
        return standIn;
    }

    /** Where SDK clients point their {@code endpointOverride}, such as {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String region() {
        return region;
    }

    /** The ARN a topic of that name has (or will have once created). */
    public String topicArn(String topicName) {
        return api.topicArn(topicName);
    }

    /**
     * Makes the next {@code calls} Publish or PublishBatch requests fail with a 500 {@code InternalError} (before
     * anything is delivered). A negative number fails every publish until {@link #healthy()}.
     */
    public void failPublishes(int calls) {
        api.failPublishes(calls < 0 ? -1 : calls);
    }

    /** Every publish fails with a 500 {@code InternalError} until {@link #healthy()}. */
    public void failAllPublishes() {
        api.failPublishes(-1);
    }

    /** Ends injected failures. */
    public void healthy() {
        api.healthy();
    }

    /** Delivery counters since start. */
    public DeliveryStats stats() {
        return delivery.stats();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SnsStandIn[" + endpoint() + ", region " + region + "]";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status = 200;
        String body;
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("POST") && !method.equals("GET")) {
                throw new SnsError(405, "Sender", "InvalidAction", "Use POST (or GET) with Query parameters");
            }
            String form;
            try (InputStream in = exchange.getRequestBody()) {
                form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            QueryParams params = QueryParams.parse(exchange.getRequestURI().getRawQuery(), form);
            body = api.handle(params, requestId);
        } catch (SnsError e) {
            status = e.status();
            body = SnsXml.error(e, requestId);
            LOG.log(Level.DEBUG, "SNS stand-in answered {0} {1}: {2}", status, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            body = SnsXml.error(SnsError.internal("Internal error in the local SNS stand-in: " + e), requestId);
            LOG.log(Level.ERROR, "SNS stand-in failed on a request", e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sns-stand-in-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
