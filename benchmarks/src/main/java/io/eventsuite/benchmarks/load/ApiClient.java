package io.eventsuite.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The REST client a well-behaved caller writes: JSON over {@code java.net.http}, a timeout per request, and
 * retries of 5xx, 429, a 409 {@code idempotency-key-in-progress} and timeouts or broken connections, with capped
 * exponential backoff and full jitter, resending the same request (the same {@code Idempotency-Key}). Records
 * each attempt's latency and outcome.
 *
 * <p>5xx, 429, timeouts and broken connections get {@link #MAX_ATTEMPTS} attempts. A 409
 * {@code idempotency-key-in-progress} is retried on its own budget, {@link #IN_PROGRESS_PATIENCE} from the first
 * such answer: docs/api.md says the key stays locked for 2 minutes after a 500 whose write may have committed
 * ("retry after that"), so a client that gave up sooner would abandon requests the server means to answer.
 */
final class ApiClient {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration BASE_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** Longer than the server's 2-minute idempotency lock ({@code eventsuite.idempotency.lock-for}). */
    static final Duration IN_PROGRESS_PATIENCE = Duration.ofSeconds(150);
    /** Polling a locked key every few seconds is enough: it unlocks once, after its lock expires. */
    private static final Duration MAX_IN_PROGRESS_BACKOFF = Duration.ofSeconds(10);

    /**
     * One answer, after retries; {@code status} 0 when every attempt failed without one. {@code lastAttemptNanos}
     * is how long the attempt that answered took, as the client saw it.
     */
    record Answer(int status, Map<String, List<String>> headers, String body, int attempts, long lastAttemptNanos) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI base;
    private final Duration timeout;
    private final Duration baseBackoff;
    private final HttpClient http;
    private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong retries = new AtomicLong();
    /** No retry starts after this (System.nanoTime), so the run stays bounded in time. */
    private volatile long giveUpAtNanos = Long.MAX_VALUE;
    private final Map<String, AtomicLong> retriedBecause = new java.util.concurrent.ConcurrentHashMap<>();

    ApiClient(URI base, Duration timeout) {
        this(base, timeout, BASE_BACKOFF);
    }

    /** With another first backoff (tests). */
    ApiClient(URI base, Duration timeout, Duration baseBackoff) {
        if (!base.getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("the load driver only talks to 127.0.0.1, not " + base.getHost());
        }
        this.base = base;
        this.timeout = timeout;
        this.baseBackoff = baseBackoff;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    Answer send(String method, String path, String token, String json, String... headers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpRequest built = request.build();
        String lastFailure = "no attempt";
        int attempts = 0;
        int failedAttempts = 0;
        int inProgressAnswers = 0;
        long inProgressSince = 0;
        while (true) {
            attempts++;
            long started = System.nanoTime();
            String retryReason;
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - started;
                latenciesNanos.add(took);
                int status = response.statusCode();
                if (!retryable(status, response.body())) {
                    return new Answer(status, response.headers().map(), response.body(), attempts, took);
                }
                lastFailure = status + " " + response.body();
                if (inProgress(status, response.body())) {
                    retryReason = "409 in-progress";
                    inProgressAnswers++;
                    inProgressSince = inProgressAnswers == 1 ? System.nanoTime() : inProgressSince;
                } else {
                    retryReason = Integer.toString(status);
                    failedAttempts++;
                }
            } catch (HttpTimeoutException timedOut) {
                latenciesNanos.add(System.nanoTime() - started);
                retryReason = "timeout";
                lastFailure = "timed out after " + timeout.toMillis() + " ms";
                failedAttempts++;
            } catch (IOException broken) {
                retryReason = "io";
                lastFailure = broken.toString();
                failedAttempts++;
            }
            boolean waitingOutLock = retryReason.equals("409 in-progress");
            boolean mayRetry = waitingOutLock
                    // A lock is waited out even past the run's deadline: giving up would abandon a request
                    // whose write may have committed, which is what the run checks.
                    ? System.nanoTime() - inProgressSince < IN_PROGRESS_PATIENCE.toNanos()
                    : failedAttempts < MAX_ATTEMPTS && System.nanoTime() < giveUpAtNanos;
            if (!mayRetry) {
                return new Answer(0, Map.of(), lastFailure, attempts, 0);
            }
            retries.incrementAndGet();
            retriedBecause.computeIfAbsent(retryReason, k -> new AtomicLong()).incrementAndGet();
            Thread.sleep(waitingOutLock ? backoff(inProgressAnswers, MAX_IN_PROGRESS_BACKOFF)
                    : backoff(failedAttempts, MAX_BACKOFF));
        }
    }

    /** Throttling, server errors and a request still running under the same key are worth another try. */
    private static boolean retryable(int status, String body) {
        return status == 429 || status >= 500 || inProgress(status, body);
    }

    private static boolean inProgress(int status, String body) {
        return status == 409 && body != null && body.contains("idempotency-key-in-progress");
    }

    /** Full jitter over a capped exponential: 100 ms, 200 ms, ... at most {@code max}. */
    private long backoff(int attempt, Duration max) {
        long cap = Math.min(max.toMillis(), baseBackoff.toMillis() << Math.min(attempt - 1, 10));
        return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
    }

    void giveUpAt(long nanoTime) {
        giveUpAtNanos = nanoTime;
    }

    /** One GET without retries (for probing whether the local cloud is up). */
    HttpResponse<String> probe(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<Long> latenciesNanos() {
        return new ArrayList<>(latenciesNanos);
    }

    long retries() {
        return retries.get();
    }

    Map<String, Long> retriedBecause() {
        Map<String, Long> out = new java.util.TreeMap<>();
        retriedBecause.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void close() {
        http.close();
    }
}
