package io.eventsuite.localcloud.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local cloud's trace UI: Zipkin's server (its exec jar, in memory, no Docker) in a child JVM on 127.0.0.1. Zipkin
 * has no OTLP receiver, so the functions export to it with the Zipkin exporter ({@link #functionEnvironment()}).
 *
 * <p>Started only when {@code local-cloud/run} names the jar ({@value #JAR_PROPERTY}); it takes about 20 s, so it is
 * started first and awaited last. {@code --server.address} does not restrict Zipkin's listener: the armeria port
 * flags do.
 */
public final class ZipkinServer implements AutoCloseable {

    public static final String JAR_PROPERTY = "eventsuite.zipkin.jar";
    public static final String PORT_PROPERTY = "eventsuite.zipkin.port";

    private final Process process;
    private final int port;

    private ZipkinServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Zipkin when the system properties name its jar; empty when they do not, or when its port is taken (a
     * Zipkin already there may be someone else's: the functions would send their spans to it).
     */
    public static Optional<ZipkinServer> startIfConfigured(Path workDir, Consumer<String> warn) {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(System.getProperty(PORT_PROPERTY, "9411"));
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            warn.accept("port " + port + " is in use: no Zipkin, functions export no spans (-D" + PORT_PROPERTY
                    + "=<port> picks another)");
            return Optional.empty();
        }
        return Optional.of(start(Path.of(jar), port, workDir.resolve("zipkin.log")));
    }

    static ZipkinServer start(Path jar, int port, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no Zipkin server jar at " + jar);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toString(), "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port,
                    "--armeria.ports[0].protocols[0]=http"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ZipkinServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Zipkin could not be started", e);
        }
    }

    /** Waits until Zipkin answers its health check; false when it did not within {@code timeout}. */
    public boolean awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(base().resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where a user opens the waterfall: the UI, and {@code traces/<traceId>} under it for one trace. */
    public URI ui() {
        return base().resolve("/zipkin/");
    }

    /**
     * What every function gets: the Zipkin exporter pointed here, every trace sampled, and a patient export (it runs
     * in the background, after the bounded flush; a freshly started Zipkin on a busy machine answers slowly).
     */
    public Map<String, String> functionEnvironment() {
        return Map.of(
                "EVENTSUITE_TRACING_EXPORTER", "zipkin",
                "EVENTSUITE_TRACING_ENDPOINT", base().resolve("/api/v2/spans").toString(),
                "EVENTSUITE_TRACING_EXPORT_TIMEOUT", "PT10S",
                "MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
