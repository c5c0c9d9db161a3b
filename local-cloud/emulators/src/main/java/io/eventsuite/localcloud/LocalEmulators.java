package io.eventsuite.localcloud;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.eventsuite.localcloud.dynamodb.DynaliteEmulator;
import io.eventsuite.localcloud.sns.SnsStandIn;
import io.eventsuite.localcloud.sqs.SqsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The three emulators of the local cloud, started together: ElasticMQ (SQS) first, then the SNS stand-in delivering
 * into it, then dynalite (DynamoDB). Closing stops them in reverse order.
 *
 * <p>From the command line ({@code java ... io.eventsuite.localcloud.LocalEmulators [--region=us-east-1]
 * [--sqs-port=N] [--sns-port=N] [--dynamodb-port=N]}) it prints where each listens and runs until Ctrl-C.
 */
public final class LocalEmulators implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    /** Any credentials work with the emulators; these are what the local cloud uses. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final String region;
    private final SqsEmulator sqs;
    private final SqsClient snsDeliveryClient;
    private final SnsStandIn sns;
    private final DynaliteEmulator dynamodb;
    private volatile boolean closed;

    private LocalEmulators(String region, SqsEmulator sqs, SqsClient snsDeliveryClient, SnsStandIn sns,
                           DynaliteEmulator dynamodb) {
        this.region = region;
        this.sqs = sqs;
        this.snsDeliveryClient = snsDeliveryClient;
        this.sns = sns;
        this.dynamodb = dynamodb;
    }

    /** Starts all three on free ports of 127.0.0.1, region {@value #DEFAULT_REGION}. */
    public static LocalEmulators start() {
        return start(DEFAULT_REGION, 0, 0, 0);
    }

    /** Starts all three on 127.0.0.1; a port of 0 means a free one. */
    public static LocalEmulators start(String region, int sqsPort, int snsPort, int dynamodbPort) {
        return start(region, sqsPort, snsPort, dynamodbPort, EnumSet.allOf(Emulator.class), null);
    }

    /** The three emulators, for starting only some of them. */
    public enum Emulator { SQS, SNS, DYNAMODB }

    /**
     * Starts only the emulators in {@code which} (the others' services run elsewhere, and their accessors answer
     * {@code null}). An SNS stand-in without the embedded SQS delivers through {@code sqsElsewhere}, a client of the
     * SQS that runs instead; it is closed with the emulators.
     */
    public static LocalEmulators start(String region, int sqsPort, int snsPort, int dynamodbPort, Set<Emulator> which,
            SqsClient sqsElsewhere) {
        if (which.contains(Emulator.SNS) && !which.contains(Emulator.SQS) && sqsElsewhere == null) {
            throw new IllegalArgumentException("the SNS stand-in needs an SQS to deliver to");
        }
        SqsEmulator sqs = null;
        SqsClient deliveryClient = null;
        SnsStandIn sns = null;
        try {
            if (which.contains(Emulator.SQS)) {
                sqs = SqsEmulator.start(sqsPort, region);
            }
            if (which.contains(Emulator.SNS)) {
                deliveryClient = sqs != null ? sqsClient(sqs.endpoint(), region) : sqsElsewhere;
                sns = SnsStandIn.start(deliveryClient, region, snsPort);
            }
            DynaliteEmulator dynamodb = which.contains(Emulator.DYNAMODB) ? DynaliteEmulator.start(dynamodbPort) : null;
            return new LocalEmulators(region, sqs, deliveryClient, sns, dynamodb);
        } catch (RuntimeException e) {
            closeQuietly(sns, e);
            closeQuietly(deliveryClient, e);
            closeQuietly(sqs, e);
            throw e;
        }
    }

    /**
     * An SQS client for an emulator endpoint: static credentials, the URL-connection HTTP client, no SDK retries
     * (the SNS stand-in retries deliveries itself).
     */
    public static SqsClient sqsClient(URI endpoint, String region) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public String region() {
        return region;
    }

    /** ElasticMQ, or {@code null} when SQS runs elsewhere (so for {@link #sns()} and {@link #dynamodb()}). */
    public SqsEmulator sqs() {
        return sqs;
    }

    public SnsStandIn sns() {
        return sns;
    }

    public DynaliteEmulator dynamodb() {
        return dynamodb;
    }

    /** Prints where each emulator listens. */
    public void describe(PrintStream out) {
        out.println("Local emulators (region " + region + ", any credentials):");
        if (sqs != null) {
            out.println("  SQS      (ElasticMQ)        " + sqs.endpoint());
        }
        if (sns != null) {
            out.println("  SNS      (stand-in)         " + sns.endpoint());
        }
        if (dynamodb != null) {
            out.println("  DynamoDB (dynalite)         " + dynamodb.endpoint());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        failure = closeCollecting(dynamodb, failure);
        failure = closeCollecting(sns, failure);
        failure = closeCollecting(snsDeliveryClient, failure);
        failure = closeCollecting(sqs, failure);
        if (failure != null) {
            throw failure;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String region = DEFAULT_REGION;
        int sqsPort = 0;
        int snsPort = 0;
        int dynamodbPort = 0;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                usage(arg);
            }
            switch (kv[0]) {
                case "--region" -> region = kv[1];
                case "--sqs-port" -> sqsPort = Integer.parseInt(kv[1]);
                case "--sns-port" -> snsPort = Integer.parseInt(kv[1]);
                case "--dynamodb-port" -> dynamodbPort = Integer.parseInt(kv[1]);
                default -> usage(arg);
            }
        }
        LocalEmulators emulators = start(region, sqsPort, snsPort, dynamodbPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local emulators...");
            emulators.close();
            stopped.countDown();
        }, "local-emulators-shutdown"));
        emulators.describe(System.out);
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static void usage(String arg) {
        System.err.println("Unknown argument " + arg + ". Usage: LocalEmulators [--region=us-east-1] [--sqs-port=N] "
                + "[--sns-port=N] [--dynamodb-port=N]");
        System.exit(2);
    }

    private static void closeQuietly(AutoCloseable closeable, RuntimeException primary) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }

    private static RuntimeException closeCollecting(AutoCloseable closeable, RuntimeException failure) {
        if (closeable == null) {
            return failure;
        }
        try {
            closeable.close();
            return failure;
        } catch (Exception e) {
            RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            if (failure == null) {
                return wrapped;
            }
            failure.addSuppressed(wrapped);
            return failure;
        }
    }
}
