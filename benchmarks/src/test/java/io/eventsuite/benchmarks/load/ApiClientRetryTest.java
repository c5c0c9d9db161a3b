package io.eventsuite.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver's client retries as docs/api.md asks a client to. */
class ApiClientRetryTest {

    private static final String IN_PROGRESS = "{\"type\":\"urn:eventsuite:problem:idempotency-key-in-progress\"}";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_key_in_progress_is_waited_out_beyond_the_attempts_allowed_for_failures() throws Exception {
        // After a 500 whose write may have committed, the key stays locked (2 minutes): many 409s, then the answer.
        ApiClient client = clientOf(answerWith(12, 409, IN_PROGRESS));

        ApiClient.Answer answer = client.send("POST", "/orders", null, "{}", "Idempotency-Key", "k");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.attempts()).isEqualTo(13);
        assertThat(ApiClient.IN_PROGRESS_PATIENCE).isGreaterThan(Duration.ofMinutes(2));
    }

    @Test
    void server_errors_still_get_a_bounded_number_of_attempts() throws Exception {
        ApiClient client = clientOf(answerWith(Integer.MAX_VALUE, 500, "{}"));

        ApiClient.Answer answer = client.send("POST", "/orders", null, "{}", "Idempotency-Key", "k");

        assertThat(answer.status()).isZero();
        assertThat(answer.attempts()).isEqualTo(ApiClient.MAX_ATTEMPTS);
    }

    /** A server that answers {@code status} the first {@code times} times, then 201. */
    private AtomicInteger answerWith(int times, int status, String body) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean failing = calls.incrementAndGet() <= times;
            byte[] bytes = (failing ? body : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(failing ? status : 201, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return calls;
    }

    private ApiClient clientOf(AtomicInteger ignored) {
        return new ApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Duration.ofSeconds(5), Duration.ofMillis(1));
    }
}
