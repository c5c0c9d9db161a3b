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
 */
final class ApiClient {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration BASE_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    /** One answer, after retries; {@code status} 0 when every attempt failed without one. */
    record Answer(int status, Map<String, List<String>> headers, String body, int attempts) {

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
    private final HttpClient http;
    private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong retries = new AtomicLong();
    /** No retry starts after this (System.nanoTime), so the run stays bounded in time. */
    private volatile long giveUpAtNanos = Long.MAX_VALUE;
    private final Map<String, AtomicLong> retriedBecause = new java.util.concurrent.ConcurrentHashMap<>();

    ApiClient(URI base, Duration timeout) {
        if (!base.getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("the load driver only talks to 127.0.0.1, not " + base.getHost());
        }
        this.base = base;
        this.timeout = timeout;
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
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long started = System.nanoTime();
            String retryReason;
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                latenciesNanos.add(System.nanoTime() - started);
                int status = response.statusCode();
                if (!retryable(status, response.body())) {
                    return new Answer(status, response.headers().map(), response.body(), attempt);
                }
                retryReason = Integer.toString(status);
                lastFailure = status + " " + response.body();
            } catch (HttpTimeoutException timedOut) {
                latenciesNanos.add(System.nanoTime() - started);
                retryReason = "timeout";
                lastFailure = "timed out after " + timeout.toMillis() + " ms";
            } catch (IOException broken) {
                retryReason = "io";
                lastFailure = broken.toString();
            }
            if (attempt < MAX_ATTEMPTS && System.nanoTime() < giveUpAtNanos) {
                retries.incrementAndGet();
                retriedBecause.computeIfAbsent(retryReason, k -> new AtomicLong()).incrementAndGet();
                Thread.sleep(backoff(attempt));
            } else {
                return new Answer(0, Map.of(), lastFailure, attempt);
            }
        }
        return new Answer(0, Map.of(), lastFailure, MAX_ATTEMPTS);
    }

    /** Throttling, server errors and a request still running under the same key are worth another try. */
    private static boolean retryable(int status, String body) {
        return status == 429 || status >= 500
                || status == 409 && body != null && body.contains("idempotency-key-in-progress");
    }

    /** Full jitter over a capped exponential: 100 ms, 200 ms, ... at most 2 s. */
    private static long backoff(int attempt) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 10));
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
