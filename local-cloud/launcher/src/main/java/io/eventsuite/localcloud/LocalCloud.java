package io.eventsuite.localcloud;

import io.eventsuite.localcloud.provision.EveryStep;
import io.eventsuite.localcloud.aws.AwsAccount;
import io.eventsuite.localcloud.aws.ExternalAws;
import io.eventsuite.localcloud.faults.FaultPlan;
import io.eventsuite.localcloud.functions.FunctionLogs;
import io.eventsuite.localcloud.gateway.DevTokenIssuer;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import io.eventsuite.localcloud.template.SamTemplate;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The whole suite on one machine, with no Docker and no AWS account: reads {@code template.yaml}, starts the
 * emulators (ElasticMQ, dynalite, the SNS stand-in), creates the template's tables, topics, queues and
 * subscriptions in them, builds the functions with the Makefile targets {@code sam build} uses, and runs them as
 * Lambda does: each in its own JVM under the real runtime interface client, started on first use; SQS event
 * sources polled like Lambda's event source mappings; schedules fired; the HTTP API served on 127.0.0.1:3000
 * behind a JWT authorizer whose tokens come from a local dev issuer.
 *
 * <pre>{@code
 * java -cp ... io.eventsuite.localcloud.LocalCloud [--port=3000] [--sqs-port=9324] [--sns-port=9911]
 *     [--dynamodb-port=4567] [--region=us-east-1] [--template=template.yaml] [--parameter Name=Value ...]
 *     [--no-build] [--no-schedules] [--quiet-functions] [--env-json=local-cloud/env.json]
 *     [--max-concurrency=4] [--init-timeout=10] [--aws-endpoint=URL] [--dynamodb-endpoint=URL]
 *     [--sns-endpoint=URL] [--sqs-endpoint=URL] [--name-prefix=PREFIX]
 * }</pre>
 *
 * <p>The arguments are read by {@link CommandLine}, the parts started in order by {@link StartupSequence}, and
 * {@link StartupBanner} says where they all are.
 */
public final class LocalCloud implements AutoCloseable {

    /**
     * Where things run; a port of 0 means a free one. {@code maxConcurrency} caps each function's execution
     * environments unless the template reserves a concurrency for it; {@code initTimeout} is each environment's
     * init phase limit (Lambda's 10 s). {@code faults} is the fault switch, off unless given. {@code aws} names
     * the services that run on endpoints of the user's instead of the embedded emulators (none unless given).
     */
    public record Options(Path projectDir, Path template, String region, int apiPort, int sqsPort, int snsPort,
            int dynamodbPort, Path workDir, Path envJson, boolean build, boolean schedules, boolean printFunctionLogs,
            Map<String, String> parameters, PrintStream out, int maxConcurrency, Duration initTimeout,
            FaultPlan faults, ExternalAws aws) {

        /** Lambda's scaling is per account; locally each function may run this many environments by default. */
        public static final int DEFAULT_MAX_CONCURRENCY = 4;

        public Options(Path projectDir, Path template, String region, int apiPort, int sqsPort, int snsPort,
                int dynamodbPort, Path workDir, Path envJson, boolean build, boolean schedules,
                boolean printFunctionLogs, Map<String, String> parameters, PrintStream out) {
            this(projectDir, template, region, apiPort, sqsPort, snsPort, dynamodbPort, workDir, envJson, build,
                    schedules, printFunctionLogs, parameters, out, DEFAULT_MAX_CONCURRENCY, null, null, null);
        }

        public Options(Path projectDir, Path template, String region, int apiPort, int sqsPort, int snsPort,
                int dynamodbPort, Path workDir, Path envJson, boolean build, boolean schedules,
                boolean printFunctionLogs, Map<String, String> parameters, PrintStream out, int maxConcurrency,
                Duration initTimeout, FaultPlan faults) {
            this(projectDir, template, region, apiPort, sqsPort, snsPort, dynamodbPort, workDir, envJson, build,
                    schedules, printFunctionLogs, parameters, out, maxConcurrency, initTimeout, faults, null);
        }

        /** The same options with some services on endpoints of the user's. */
        public Options withAws(ExternalAws external) {
            return new Options(projectDir, template, region, apiPort, sqsPort, snsPort, dynamodbPort, workDir, envJson,
                    build, schedules, printFunctionLogs, parameters, out, maxConcurrency, initTimeout, faults, external);
        }

        public Options {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("--max-concurrency must be at least 1, got " + maxConcurrency);
            }
            initTimeout = initTimeout == null ? FunctionSpec.LAMBDA_INIT_TIMEOUT : initTimeout;
            faults = faults == null ? FaultPlan.none() : faults;
            aws = aws == null ? ExternalAws.none() : aws;
            Objects.requireNonNull(projectDir, "projectDir");
            projectDir = projectDir.toAbsolutePath().normalize();
            template = template == null ? projectDir.resolve("template.yaml") : template.toAbsolutePath();
            region = region == null ? LocalEmulators.DEFAULT_REGION : region;
            workDir = workDir == null ? projectDir.resolve("target").resolve("local-cloud") : workDir.toAbsolutePath();
            envJson = envJson == null ? projectDir.resolve("local-cloud").resolve("env.json") : envJson.toAbsolutePath();
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
            out = out == null ? System.out : out;
        }

        /** The defaults: API on 3000, SQS on 9324, SNS on 9911, DynamoDB on 4567, building, schedules on. */
        public static Options defaults(Path projectDir) {
            return new Options(projectDir, null, null, 3000, 9324, 9911, 4567, null, null, true, true, true, Map.of(),
                    null);
        }
    }

    private final Options options;
    /** Everything started so far, stopped in reverse order on close (or when starting fails half-way). */
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private RunningCloud running;
    private volatile boolean closed;

    private LocalCloud(Options options) {
        this.options = options;
    }

    /** Starts everything; on failure, whatever was started is stopped again. */
    public static LocalCloud start(Options options) {
        LocalCloud cloud = new LocalCloud(options);
        try {
            cloud.running = new StartupSequence(options, cloud.resources, cloud::warn).run();
            return cloud;
        } catch (RuntimeException e) {
            try {
                cloud.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void warn(String warning) {
        warnings.add(warning);
        options.out().println("WARNING: " + warning);
    }

    // ---- what tests and tools use ----------------------------------------------------------------------------

    public URI apiEndpoint() {
        return running.gateway().endpoint();
    }

    public URI tokenEndpoint() {
        return URI.create(running.gateway().endpoint() + "/local/token");
    }

    /** The embedded emulators; {@code null} when every service runs on an endpoint of the user's. */
    public LocalEmulators emulators() {
        return running.emulators();
    }

    /** Where each service's resources are (an embedded emulator or the user's endpoint), and clients for them. */
    public AwsAccount aws() {
        return running.account();
    }

    public ProvisionedStack stack() {
        return running.stack();
    }

    public SamTemplate template() {
        return running.template();
    }

    public FunctionLogs logs() {
        return running.logs();
    }

    /** Zipkin's base address (UI under {@code /zipkin/}, JSON under {@code /api/v2/}), when it runs. */
    public java.util.Optional<URI> zipkin() {
        return java.util.Optional.ofNullable(running.zipkin()).map(z -> z.base());
    }

    public DevTokenIssuer issuer() {
        return running.issuer();
    }

    public LambdaInvoker function(String logicalId) {
        return running.functions().invoker(logicalId);
    }

    /** How long the last build took (zero with {@code --no-build}). */
    public Duration buildTime() {
        return running.artifacts().took();
    }

    /** From start to serving (including the build). */
    public Duration startupTime() {
        return running.startup();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Prints where everything is. */
    public void describe(PrintStream out) {
        StartupBanner.print(out, running, options);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Last started, first stopped.
        EveryStep.run(resources.reversed().stream().<EveryStep.Step>map(resource -> resource::close).toList());
    }

    // ---- command line ----------------------------------------------------------------------------------------

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        LocalCloud cloud;
        try {
            cloud = start(options);
        } catch (RuntimeException e) {
            System.err.println("The local cloud could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local cloud (functions, mappings, schedules, HTTP API, emulators) ...");
            try {
                cloud.close();
            } finally {
                stopped.countDown();
            }
        }, "local-cloud-shutdown"));
        cloud.describe(System.out);
        stopped.await();
    }
}
