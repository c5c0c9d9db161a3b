package io.eventsuite.localcloud.dynamodb;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (npm, 4.0.0) as a child {@code node} process: the DynamoDB of the local cloud and of the integration
 * tests, in memory, on 127.0.0.1 and a free port.
 *
 * <p>It finds {@code node} on the PATH and dynalite under {@code local-cloud/node_modules}, the {@code local-cloud}
 * folder being taken from the system property {@value #HOME_PROPERTY} (the folder holding {@code package.json}) or
 * found by walking up from the working directory. The Maven build of this module installs it (an antrun step that
 * runs {@value #INSTALL_COMMAND} when {@code node_modules} is missing or older than the lockfile).
 *
 * <p>Table operations take no time ({@code --createTableMs 0 --deleteTableMs 0 --updateTableMs 0}). What dynalite
 * lacks: transactions, TTL expiry, streams, PartiQL.
 */
public final class DynaliteEmulator implements AutoCloseable {

    /** A system property naming the {@code local-cloud} folder (the one holding {@code package.json}). */
    public static final String HOME_PROPERTY = "eventsuite.dynalite.home";
    /** What installs dynalite, run from the project root. */
    public static final String INSTALL_COMMAND = "npm ci --prefix local-cloud";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int OUTPUT_LIMIT = 16 * 1024;
    /** Runs dynalite's CLI (argv[1]) and exits when stdin reaches its end, that is when the parent JVM is gone. */
    private static final String WATCHDOG = "process.stdin.on('end', () => process.exit(0));"
            + "process.stdin.on('error', () => process.exit(0));"
            + "process.stdin.resume();"
            + "require(process.argv[1]);";

    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    private final Process process;
    private final int port;
    private final StringBuffer output;
    private volatile boolean closed;

    private DynaliteEmulator(Process process, int port, StringBuffer output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts dynalite on a free port and waits until it answers ListTables. */
    public static DynaliteEmulator start() {
        return start(0);
    }

    /**
     * Starts dynalite and waits until it answers ListTables.
     *
     * @param port the port, or 0 for a free one
     * @throws IllegalStateException when node or dynalite is missing (naming {@value #INSTALL_COMMAND}), or when
     *                               dynalite dies or does not answer in time (with its output)
     */
    public static DynaliteEmulator start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (free port) or 1-65535, was " + port);
        }
        Path cli = locateCli();
        String node = locateNode();
        // A free port can be taken by someone else before dynalite binds it: then try another.
        for (int attempt = 1; ; attempt++) {
            int chosen = port == 0 ? freePort() : port;
            try {
                return startOn(node, cli, chosen);
            } catch (PortTakenException e) {
                if (port != 0 || attempt == 3) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        }
    }

    private static DynaliteEmulator startOn(String node, Path cli, int port) {
        // The inline script makes dynalite exit when this JVM goes away (its stdin closes), even on kill -9.
        List<String> command = List.of(node, "-e", WATCHDOG, cli.toString(),
                "--host", HOST, "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        String shown = node + " " + cli + " --host " + HOST + " --port " + port
                + " --createTableMs 0 --deleteTableMs 0 --updateTableMs 0";
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + shown + ": " + e.getMessage(), e);
        }
        StringBuffer output = new StringBuffer();
        Thread pump = new Thread(() -> pump(process.getInputStream(), output), "dynalite-output-" + port);
        pump.setDaemon(true);
        pump.start();
        DynaliteEmulator emulator = new DynaliteEmulator(process, port, output);
        try {
            emulator.awaitReady(shown);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    /** Where SDK clients point their {@code endpointOverride}, such as {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    /** What dynalite printed so far (its last 16 KB). */
    public String output() {
        return output.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "DynaliteEmulator[" + endpoint() + "]";
    }

    // ------------------------------------------------------------------ start-up

    private void awaitReady(String command) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        boolean listening = false;
        try (DynamoDbClient probe = probeClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String printed = outputAfterExit();
                    String message = "dynalite exited with code " + process.exitValue() + " before it answered ("
                            + command + "). Its output:\n" + printed;
                    throw printed.contains("EADDRINUSE") ? new PortTakenException(message)
                            : new IllegalStateException(message);
                }
                if (!listening) {
                    listening = canConnect();
                }
                if (listening && answersListTables(probe)) {
                    return;
                }
                sleep(listening ? 50 : 25);
            }
        }
        throw new IllegalStateException("dynalite did not answer ListTables on " + endpoint() + " within "
                + START_TIMEOUT.toSeconds() + " s (" + command + "). Its output:\n" + output);
    }

    private boolean canConnect() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private DynamoDbClient probeClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(DEFAULT_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(3)))
                .build();
    }

    private static boolean answersListTables(DynamoDbClient probe) {
        try {
            probe.listTables();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String outputAfterExit() {
        sleep(100); // let the pump drain what the process wrote before it died
        return output.toString();
    }

    private static void pump(InputStream in, StringBuffer output) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (output.length() > OUTPUT_LIMIT) {
                    output.delete(0, output.length() - OUTPUT_LIMIT);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    // ------------------------------------------------------------------ locating node and dynalite

    /** The {@code local-cloud} folder: the system property, else the nearest one up from the working directory. */
    static Path locateHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path home = Path.of(property).toAbsolutePath().normalize();
            if (!Files.isRegularFile(home.resolve("package.json"))) {
                throw new IllegalStateException("-D" + HOME_PROPERTY + "=" + property + " does not hold package.json; "
                        + "point it at the project's local-cloud folder");
            }
            return home;
        }
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("local-cloud");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
            if (dir.getFileName() != null && dir.getFileName().toString().equals("local-cloud")
                    && Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find local-cloud/package.json above " + start + ". Run from inside "
                + "the project or set -D" + HOME_PROPERTY + "=<project>/local-cloud");
    }

    static Path locateCli() {
        Path home = locateHome();
        Path cli = home.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: " + cli + " is missing. The Maven build"
                    + " installs it (./mvnw verify, or local-cloud/run); by hand, run `" + INSTALL_COMMAND
                    + "` from the project root (" + home.getParent() + ").");
        }
        return cli;
    }

    static String locateNode() {
        String path = System.getenv("PATH");
        List<String> names = new ArrayList<>(List.of("node"));
        if (System.getProperty("os.name", "").toLowerCase().contains("win")) {
            names.add(0, "node.exe");
        }
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                for (String name : names) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate.toString();
                    }
                }
            }
        }
        throw new IllegalStateException("node is not on the PATH; dynalite needs Node.js 18 or newer. Install it, "
                + "then run `" + INSTALL_COMMAND + "` from the project root.");
    }
}
