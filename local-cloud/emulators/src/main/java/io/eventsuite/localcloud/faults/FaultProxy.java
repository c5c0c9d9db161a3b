package io.eventsuite.localcloud.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An HTTP proxy on 127.0.0.1 in front of one emulator (dynalite, the SNS stand-in), the edge where the fault
 * switch makes the service misbehave as AWS does: at the kind's rate, a call is answered with the service's own
 * throttling error or a 5xx instead of being forwarded, or it is forwarded and its answer replaced by a 5xx (the
 * write or publish happened, the caller does not know: AWS says a 500 may or may not have been applied). The SDK
 * and the suite's retries see exactly what AWS would send. Only the functions' calls pass through it; the local
 * cloud provisions and inspects the emulators directly.
 */
public final class FaultProxy implements AutoCloseable {

    /** How one AWS service words its errors. */
    public enum Service {

        DYNAMODB(FaultKind.DYNAMODB, "application/x-amz-json-1.0", List.of(
                new Error(400, "ProvisionedThroughputExceededException", "com.amazonaws.dynamodb.v20120810#",
                        "The level of configured provisioned throughput for the table was exceeded. Consider "
                                + "increasing your provisioning level with the UpdateTable API."),
                new Error(400, "ThrottlingException", "com.amazon.coral.availability#",
                        "Rate of requests exceeds the allowed throughput."),
                new Error(500, "InternalServerError", "com.amazonaws.dynamodb.v20120810#", "Internal server error"),
                new Error(503, "ServiceUnavailable", "com.amazon.coral.availability#", "Service unavailable"))),
        SNS(FaultKind.SNS, "text/xml", List.of(
                new Error(429, "Throttled", "Sender", "Rate exceeded"),
                new Error(500, "InternalError", "Receiver", "Internal Error"),
                new Error(503, "ServiceUnavailable", "Receiver", "Service Unavailable")));

        private final FaultKind kind;
        private final String contentType;
        private final List<Error> errors;

        Service(FaultKind kind, String contentType, List<Error> errors) {
            this.kind = kind;
            this.contentType = contentType;
            this.errors = errors;
        }

        String body(Error error, String requestId) {
            return this == DYNAMODB
                    ? "{\"__type\":\"" + error.prefix() + error.code() + "\",\"message\":\"" + error.message() + "\"}"
                    : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/"
                            + "2010-03-31/\"><Error><Type>" + error.prefix() + "</Type><Code>" + error.code()
                            + "</Code><Message>" + error.message() + "</Message></Error><RequestId>" + requestId
                            + "</RequestId></ErrorResponse>";
        }

        /** The operation, for the log: DynamoDB's {@code X-Amz-Target}, SNS's {@code Action} parameter. */
        String operation(HttpExchange exchange, byte[] body) {
            if (this == DYNAMODB) {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                return target == null ? "?" : target.substring(target.indexOf('.') + 1);
            }
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.startsWith("Action=")) {
                    return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
            return "?";
        }
    }

    /** @param prefix DynamoDB's {@code __type} namespace, or SNS's error {@code Type} */
    record Error(int status, String code, String prefix, String message) {
        boolean throttling() {
            return status < 500;
        }
    }

    /** Headers the JDK client sets itself (or refuses), and hop-by-hop ones. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive");

    private final Service service;
    private final URI target;
    private final Faults faults;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    private FaultProxy(Service service, URI target, Faults faults, int port) {
        this.service = service;
        this.target = target;
        this.faults = faults;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("the fault proxy for " + service + " could not listen", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1, forwarding to {@code target}. */
    public static FaultProxy start(Service service, URI target, Faults faults) {
        return new FaultProxy(service, target, faults, 0);
    }

    /** Where the functions' SDK clients point instead of the emulator. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!faults.roll(service.kind)) {
                forward(exchange, body, true);
                return;
            }
            Error error = service.errors.get(ThreadLocalRandom.current().nextInt(service.errors.size()));
            // A 5xx half the time comes after the call went through; throttling is always refused up front.
            boolean afterForwarding = !error.throttling() && ThreadLocalRandom.current().nextBoolean();
            String operation = service.operation(exchange, body);
            if (afterForwarding) {
                forward(exchange, body, false);
            }
            faults.injected(service.kind, error.status() + " " + error.code() + " on " + operation
                    + (afterForwarding ? " (after it was applied)" : " (not applied)"));
            String requestId = UUID.randomUUID().toString();
            byte[] answer = service.body(error, requestId).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", service.contentType);
            exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(error.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** Passes the call to the emulator; with {@code answer}, its response back to the caller. */
    private void forward(HttpExchange exchange, byte[] body, boolean answer) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
        if (!answer) {
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.equals(":status")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        byte[] bytes = response.body();
        exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        client.close();
    }
}
