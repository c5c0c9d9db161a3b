package io.eventsuite.localcloud.runtime.lambda;

import io.eventsuite.localcloud.faults.FaultKind;
import io.eventsuite.localcloud.faults.Faults;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One Lambda execution environment: a JVM running the function's handler under the real runtime interface
 * client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) against this process's Runtime
 * API, started on the first invocation (a cold start) and reused by the next ones, like a warm sandbox.
 *
 * <p>Its environment is the function's own plus what Lambda sets ({@code AWS_LAMBDA_RUNTIME_API},
 * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code _HANDLER}, {@code LAMBDA_TASK_ROOT}, the memory size ...); the heap
 * follows the memory size. The init phase (up to the first request for an event) has its own timeout
 * ({@link FunctionSpec#initTimeout()}, Lambda's 10 s), past which it goes on under the function's timeout; the
 * function's timeout otherwise starts with each invocation. An
 * invocation that outlives the timeout kills the environment; one whose JVM dies answers with Lambda's
 * {@code Runtime.ExitError}; either way the next invocation starts a new JVM. Invocations are serialized: one
 * environment handles one event at a time, as in Lambda ({@link EnvironmentPool} runs several).
 */
public final class ExecutionEnvironment implements LambdaInvoker, AutoCloseable {

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** How long a JVM gets to exit after SIGTERM before it is killed, as Lambda's shutdown phase allows. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final FunctionSpec spec;
    private final String region;
    private final Consumer<String> output;
    private final Faults faults;
    private RuntimeApiServer runtimeApi;
    private volatile Process process;

    /**
     * @param output where the function's stdout and stderr lines go (its logs)
     */
    public ExecutionEnvironment(FunctionSpec spec, String region, Consumer<String> output) {
        this(spec, region, output, Faults.none());
    }

    /** @param faults the fault switch: at its crash rate, the JVM is killed before it can answer */
    public ExecutionEnvironment(FunctionSpec spec, String region, Consumer<String> output, Faults faults) {
        this.spec = spec;
        this.region = region;
        this.output = output;
        this.faults = faults;
    }

    @Override
    public synchronized byte[] invoke(byte[] event) throws FunctionError, InterruptedException {
        String requestId = UUID.randomUUID().toString();
        // As in Lambda, the function's timeout starts with the invocation, after the init phase.
        long budget = ensureInitialized(requestId);
        long deadline = System.currentTimeMillis() + budget;
        Invocation invocation = new Invocation(requestId, event, deadline, traceHeader(), new CompletableFuture<>());
        runtimeApi.submit(invocation);
        try {
            return invocation.answer().get(budget, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (runtimeApi.initError() != null || !process.isAlive()) {
                discard();
            }
            throw failed.getCause() instanceof FunctionError error ? error
                    : new FunctionError("Runtime.Unknown", failed.getCause().toString());
        } catch (TimeoutException timedOut) {
            discard();
            throw new FunctionError("Sandbox.Timedout", "Task timed out after " + spec.timeout().toSeconds() + " seconds");
        }
    }

    /** Kills the function's JVM at once, whatever it is doing (an environment that dies, as a crash would). */
    public void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /** Whether a JVM is up (a warm environment). */
    public synchronized boolean isWarm() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the JVM if none runs and waits for its init phase (JVM, runtime client, the handler's constructor),
     * which ends when the runtime client first asks for an event. An init longer than the init timeout goes on
     * within the invocation, under the function's timeout, as in Lambda.
     *
     * @return how long the invocation may run: the function's timeout, less what a prolonged init used of it
     */
    private long ensureInitialized(String requestId) throws FunctionError, InterruptedException {
        if (isWarm()) {
            return spec.timeout().toMillis();
        }
        discard();
        try {
            runtimeApi = new RuntimeApiServer("arn:aws:lambda:" + region + ":000000000000:function:" + spec.name(),
                    crashFault());
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
            // Only what Lambda would give the function: its own variables and the runtime's, nothing inherited.
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
            builder.environment().putAll(spec.environment());
            builder.environment().putAll(lambdaEnvironment(runtimeApi.address()));
            process = builder.start();
            process.getOutputStream().close();
            pump(process.getInputStream());
            RuntimeApiServer api = runtimeApi;
            process.onExit().thenAccept(exited -> api.failAll("Runtime.ExitError",
                    "Runtime exited with error: " + exitStatus(exited.exitValue())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + spec.name(), e);
        }
        try {
            try {
                runtimeApi.initialized().get(spec.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return spec.timeout().toMillis();
            } catch (TimeoutException initTimedOut) {
                // As Lambda does for on-demand functions: an init past its limit goes on in the invoke phase,
                // where it counts against the function's timeout (a "suppressed init").
                output.accept("INIT_REPORT Init Duration: " + spec.initTimeout().toMillis() + " ms Phase: init "
                        + "Status: timeout (init goes on within the invocation, under the function's timeout)");
                long invokePhaseEnds = System.currentTimeMillis() + spec.timeout().toMillis();
                runtimeApi.initialized().get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return Math.max(1, invokePhaseEnds - System.currentTimeMillis());
            }
        } catch (TimeoutException timedOut) {
            discard();
            throw new FunctionError("Sandbox.Timedout", RuntimeApiServer.errorDocument("Sandbox.Timedout",
                    "RequestId: " + requestId + " Error: Task timed out after " + spec.timeout().toSeconds()
                            + " seconds (INIT phase past its " + spec.initTimeout().toSeconds()
                            + " s limit, then the function's timeout)"));
        } catch (ExecutionException failed) {
            discard();
            throw failed.getCause() instanceof FunctionError error ? error
                    : new FunctionError("Runtime.Unknown", failed.getCause().toString());
        }
    }

    /**
     * The crash fault: at the switch's rate, the JVM is killed when the handler has done its work and posts its
     * answer, so the caller gets {@code Runtime.ExitError} for an invocation whose effects happened.
     */
    private RuntimeApiServer.CrashFault crashFault() {
        return requestId -> {
            if (!faults.roll(FaultKind.CRASH)) {
                return false;
            }
            faults.injected(FaultKind.CRASH, spec.name() + " environment killed after its handler ran, before "
                    + "its answer to request " + requestId);
            kill();
            return true;
        };
    }

    /** As Lambda words it: a JVM killed by a signal (exit status 128 + n) or one that exited by itself. */
    private static String exitStatus(int exitValue) {
        return exitValue == 137 ? "signal: killed" : exitValue > 128 ? "signal: " + (exitValue - 128)
                : "exit status " + exitValue;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // What the java21 managed runtime does by default: stop at C1, size the heap from the memory setting.
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx" + Math.max(64, spec.memoryMb() * 85 / 100) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-D" + JNI_PROPERTY + "=" + SharedJni.path());
        command.add("-cp");
        command.add(classpath());
        command.add(RIC_MAIN);
        command.add(spec.handler());
        return command;
    }

    private String classpath() {
        return classpathOf(spec.classpath());
    }

    /** The JVM's whole classpath for a function's {@code classpath}: it, then the managed runtime's own jars. */
    public static String classpathOf(List<Path> classpath) {
        List<String> entries = new ArrayList<>();
        classpath.forEach(p -> entries.add(p.toString()));
        SharedJni.runtimeJars().forEach(p -> entries.add(p.toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void pump(InputStream stream) {
        Thread.ofPlatform().daemon().name("log-" + spec.name()).start(() -> {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(stream))) {
                reader.lines().forEach(output);
            } catch (IOException | UncheckedIOException ignored) {
                // the process ended, or the environment was closed while its output was being read
            }
        });
    }

    /**
     * Lambda's X-Ray header. In AWS its {@code Parent} is Lambda's own segment, which X-Ray records; here nothing
     * records one, so the header names no parent and a function without a {@code traceparent} starts its own trace
     * instead of hanging under a span that exists nowhere.
     */
    private String traceHeader() {
        String hex = HexFormat.of().formatHex(randomBytes(12));
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex + ";Sampled=1";
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private void discard() {
        discard(SHUTDOWN_GRACE);
    }

    private void discard(Duration grace) {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (runtimeApi != null) {
            runtimeApi.close();
            runtimeApi = null;
        }
    }

    @Override
    public synchronized void close() {
        discard();
    }

    /**
     * Ends the JVM as {@link #close} does (SIGTERM), but waits up to {@code grace} for it to exit before killing it:
     * for a JVM with work to finish at exit, such as writing a class archive (the benchmarks' training starts).
     */
    public synchronized void closeAllowing(Duration grace) {
        discard(grace);
    }

    /** The environment variables Lambda gives a function, beside its own. */
    Map<String, String> lambdaEnvironment(String runtimeApiAddress) {
        Path taskRoot = spec.classpath().isEmpty() ? Path.of(".") : spec.classpath().get(0);
        return Map.ofEntries(
                Map.entry("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", spec.name()),
                Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb())),
                Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name()),
                Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + UUID.randomUUID().toString().replace("-", "")),
                Map.entry("AWS_REGION", region),
                Map.entry("AWS_DEFAULT_REGION", region),
                Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_java21"),
                Map.entry("_HANDLER", spec.handler()),
                Map.entry("LAMBDA_TASK_ROOT", taskRoot.toString()),
                Map.entry("TZ", ":UTC"));
    }

    /** The runtime client's JNI library, extracted once per process so parallel environments never race on it. */
    static final class SharedJni {

        private static Path extracted;

        private SharedJni() {
        }

        static synchronized Path path() {
            if (extracted == null) {
                String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
                String resource = "/jni/libaws-lambda-jni.linux-" + arch + ".so";
                try (InputStream in = ExecutionEnvironment.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("the runtime interface client jar has no " + resource);
                    }
                    Path file = Files.createTempFile("aws-lambda-jni-", ".so");
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                    extracted = file;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return extracted;
        }

        /** The managed runtime's own jars: the client and the libraries it needs (core, serialization, utils-lite). */
        static List<Path> runtimeJars() {
            return List.of(jarOf(RIC_MAIN), jarOf("com.amazonaws.services.lambda.runtime.Context"),
                    jarOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"),
                    jarOf("software.amazon.awssdk.utilslite.SdkInternalThreadLocal"));
        }

        private static Path jarOf(String className) {
            try {
                return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
                throw new IllegalStateException(className + " is not on the local runtime's classpath", e);
            }
        }
    }
}
