package io.eventsuite.localcloud.runtime.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (version 2018-06-01) for one function's execution environment, on 127.0.0.1.
 *
 * <p>The runtime interface client in the function's JVM long-polls {@code GET /runtime/invocation/next};
 * this answers with the next event and the headers the client requires ({@code Lambda-Runtime-Aws-Request-Id},
 * {@code -Deadline-Ms}, {@code -Invoked-Function-Arn}, {@code -Trace-Id}), then takes the function's answer on
 * {@code POST /runtime/invocation/{id}/response} or {@code /error}, and an initialization failure on
 * {@code POST /runtime/init/error}; each is acknowledged with 202, as Lambda does.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final HttpServer server;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();
    private volatile FunctionError initError;

    /** Decides whether the environment dies instead of delivering an answer (the fault switch's crash). */
    @FunctionalInterface
    interface CrashFault {
        /** True when it killed the environment; the invocation is then failed by the environment's exit. */
        boolean crashBeforeAnswering(String requestId);
    }

    private final CrashFault crash;

    RuntimeApiServer(String functionArn) throws IOException {
        this(functionArn, requestId -> false);
    }

    RuntimeApiServer(String functionArn, CrashFault crash) throws IOException {
        this.functionArn = functionArn;
        this.crash = crash;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // /next blocks until an event comes: each request gets its own (virtual) thread.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void submit(Invocation invocation) {
        FunctionError failedInit = initError;
        if (failedInit != null) {
            invocation.answer().completeExceptionally(failedInit);
            return;
        }
        pending.add(invocation);
    }

    /**
     * Completes when the init phase is over: the runtime client asks for its first event. Fails with the init
     * error it posts, or when the environment dies first.
     */
    CompletableFuture<Void> initialized() {
        return initialized;
    }

    /**
     * Fails every invocation not yet answered (the environment died or was reset), each with the error document
     * Lambda gives its caller: {@code {"errorMessage":"RequestId: <id> Error: <message>","errorType":"<type>"}}.
     */
    void failAll(String errorType, String message) {
        initialized.completeExceptionally(new FunctionError(errorType,
                errorDocument(errorType, "INIT phase failed: " + message)));
        for (Invocation i : pending) {
            fail(i, errorType, message);
        }
        pending.clear();
        inFlight.values().forEach(i -> fail(i, errorType, message));
        inFlight.clear();
    }

    private static void fail(Invocation invocation, String errorType, String message) {
        invocation.answer().completeExceptionally(new FunctionError(errorType,
                errorDocument(errorType, "RequestId: " + invocation.requestId() + " Error: " + message)));
    }

    /** Lambda's error document for errors of the service rather than the function's own. */
    static String errorDocument(String errorType, String errorMessage) {
        return JSON.writeValueAsString(java.util.Map.of("errorMessage", errorMessage, "errorType", errorType));
    }

    FunctionError initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        try (exchange) {
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError = new FunctionError(errorType(exchange), body(exchange));
                initialized.completeExceptionally(initError);
                for (Invocation i : pending) {
                    i.answer().completeExceptionally(initError);
                }
                pending.clear();
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                answer(exchange, path.substring("invocation/".length()));
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        initialized.complete(null);
        Invocation invocation;
        try {
            invocation = pending.poll(1, TimeUnit.DAYS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        if (invocation == null) {
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", invocation.traceId());
        headers.add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, invocation.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
    }

    private void answer(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        Invocation invocation = inFlight.get(requestId);
        if (invocation == null) {
            respond(exchange, 400, "{\"errorMessage\":\"unknown or already answered request id\"}");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (kind.equals("response") && crash.crashBeforeAnswering(requestId)) {
            // Left in flight: the environment's exit fails it with Runtime.ExitError, as Lambda would.
            return;
        }
        if (inFlight.remove(requestId) == null) {
            respond(exchange, 400, "{\"errorMessage\":\"unknown or already answered request id\"}");
            return;
        }
        if (kind.equals("response")) {
            invocation.answer().complete(body);
        } else {
            invocation.answer().completeExceptionally(
                    new FunctionError(errorType(exchange), new String(body, StandardCharsets.UTF_8)));
        }
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String errorType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return type == null ? "Unhandled" : type;
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        failAll("Runtime.Shutdown", "the execution environment was shut down");
        server.stop(0);
    }
}
