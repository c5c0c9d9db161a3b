package io.eventsuite.benchmarks.load;

import java.net.URI;
import java.time.Duration;

/**
 * How big the load run is, and where the local cloud listens (loopback only: the driver never sends traffic
 * elsewhere). Every run is bounded: at most {@code users x ordersPerUser} orders, a load phase of at most
 * {@code maxDuration}, then at most {@code quiescenceTimeout} waiting for the events to settle.
 *
 * @param users             virtual users, each a client running on its own (the concurrency)
 * @param ordersPerUser     orders each user places (every third is cancelled)
 * @param maxDuration       the load phase stops placing orders after this long
 * @param quiescenceTimeout how long to wait for queues and outboxes to drain before checking
 * @param requestTimeout    a client's timeout per HTTP request (a timed-out request is retried)
 * @param runId             tells this run's users, orders and emails from earlier runs' in the same local cloud
 * @param closeWait         how long a closing user waits for its notifications before deleting its account; 0
 *                          deletes at once, with notifications still queued (erasure racing its own emails)
 * @param zipkinPort        the local cloud's Zipkin, read for the per-hop breakdown of the orders' traces; 0: none
 */
public record LoadOptions(int users, int ordersPerUser, Duration maxDuration, Duration quiescenceTimeout,
        Duration requestTimeout, int apiPort, int sqsPort, int dynamodbPort, String runId, Duration closeWait,
        int zipkinPort) {

    static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(60);
    static final int DEFAULT_ZIPKIN_PORT = 9411;

    /** Without the hop breakdown. */
    public LoadOptions(int users, int ordersPerUser, Duration maxDuration, Duration quiescenceTimeout,
            Duration requestTimeout, int apiPort, int sqsPort, int dynamodbPort, String runId) {
        this(users, ordersPerUser, maxDuration, quiescenceTimeout, requestTimeout, apiPort, sqsPort, dynamodbPort,
                runId, DEFAULT_CLOSE_WAIT, 0);
    }

    static final String USAGE = "Usage: LoadDriver [users=4] [orders-per-user=10] [max-seconds=60] "
            + "[quiescence-seconds=120] [request-timeout-seconds=30 (API Gateway's limit)] [api-port=3000] [sqs-port=9324] "
            + "[dynamodb-port=4567] [run-id=<random>] [close-wait-seconds=60] [zipkin-port=9411 (0: no hop breakdown)]";

    public LoadOptions {
        if (users < 1 || users > 256) {
            throw new IllegalArgumentException("users must be 1 to 256, got " + users);
        }
        if (ordersPerUser < 1 || ordersPerUser > 1000) {
            throw new IllegalArgumentException("orders-per-user must be 1 to 1000, got " + ordersPerUser);
        }
        if (maxDuration.isNegative() || maxDuration.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("max-seconds must be at most 1800");
        }
        if (!runId.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("run-id must be 1 to 16 lower-case letters or digits");
        }
        if (closeWait.isNegative() || closeWait.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("close-wait-seconds must be 0 to 600");
        }
        if (zipkinPort < 0 || zipkinPort > 65535) {
            throw new IllegalArgumentException("zipkin-port must be 0 to 65535, got " + zipkinPort);
        }
    }

    public static LoadOptions defaults() {
        return new LoadOptions(4, 10, Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(30), 3000,
                9324, 4567, newRunId(), DEFAULT_CLOSE_WAIT, DEFAULT_ZIPKIN_PORT);
    }

    static String newRunId() {
        return Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
                + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1296), 36);
    }

    /** {@code key=value} arguments over the defaults. */
    public static LoadOptions parse(String[] args) {
        LoadOptions o = defaults();
        int users = o.users;
        int orders = o.ordersPerUser;
        Duration max = o.maxDuration;
        Duration quiescence = o.quiescenceTimeout;
        Duration timeout = o.requestTimeout;
        int api = o.apiPort;
        int sqs = o.sqsPort;
        int dynamodb = o.dynamodbPort;
        String runId = o.runId;
        Duration closeWait = o.closeWait;
        int zipkin = o.zipkinPort;
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            switch (kv[0]) {
                case "users" -> users = Integer.parseInt(kv[1]);
                case "orders-per-user" -> orders = Integer.parseInt(kv[1]);
                case "max-seconds" -> max = Duration.ofSeconds(Long.parseLong(kv[1]));
                case "quiescence-seconds" -> quiescence = Duration.ofSeconds(Long.parseLong(kv[1]));
                case "request-timeout-seconds" -> timeout = Duration.ofSeconds(Long.parseLong(kv[1]));
                case "api-port" -> api = Integer.parseInt(kv[1]);
                case "sqs-port" -> sqs = Integer.parseInt(kv[1]);
                case "dynamodb-port" -> dynamodb = Integer.parseInt(kv[1]);
                case "run-id" -> runId = kv[1];
                case "close-wait-seconds" -> closeWait = Duration.ofSeconds(Long.parseLong(kv[1]));
                case "zipkin-port" -> zipkin = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + kv[0]);
            }
        }
        return new LoadOptions(users, orders, max, quiescence, timeout, api, sqs, dynamodb, runId, closeWait, zipkin);
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + apiPort);
    }

    public URI sqs() {
        return URI.create("http://127.0.0.1:" + sqsPort);
    }

    public java.util.Optional<URI> zipkin() {
        return zipkinPort == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(URI.create("http://127.0.0.1:" + zipkinPort));
    }

    public URI dynamodb() {
        return URI.create("http://127.0.0.1:" + dynamodbPort);
    }
}
