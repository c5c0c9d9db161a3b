package io.eventsuite.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for every AWS endpoint, on 127.0.0.1, that counts the requests reaching it and answers each with a 500:
 * for tests that show a call is never sent.
 */
public final class CountingHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public CountingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The variables a function gets in the local cloud, every endpoint this server's. */
    public Map<String, String> endpoints() {
        return Map.of("AWS_REGION", "eu-west-3", "AWS_ENDPOINT_URL_DYNAMODB", url(), "AWS_ENDPOINT_URL_SNS", url(),
                "AWS_ENDPOINT_URL_SQS", url(), "AWS_ENDPOINT_URL_SESV2", url());
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
