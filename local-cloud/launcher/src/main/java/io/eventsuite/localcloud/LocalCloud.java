package io.eventsuite.localcloud;

import io.eventsuite.localcloud.dynamodb.DynaliteEmulator;
import io.eventsuite.localcloud.functions.ArtifactBuilder;
import io.eventsuite.localcloud.functions.FunctionLogs;
import io.eventsuite.localcloud.functions.LocalFunctions;
import io.eventsuite.localcloud.functions.Schedules;
import io.eventsuite.localcloud.gateway.DevTokenIssuer;
import io.eventsuite.localcloud.gateway.HttpApiGateway;
import io.eventsuite.localcloud.gateway.JwtAuthorizer;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import io.eventsuite.localcloud.runtime.sqs.SqsEventSourceMapping;
import io.eventsuite.localcloud.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {

    /** Where things run; a port of 0 means a free one. */
    public record Options(Path projectDir, Path template, String region, int apiPort, int sqsPort, int snsPort,
            int dynamodbPort, Path workDir, Path envJson, boolean build, boolean schedules, boolean printFunctionLogs,
            Map<String, String> parameters, PrintStream out) {

        public Options {
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
    private final List<AutoCloseable> resources = new ArrayList<>();
    private LocalEmulators emulators;
    private Provisioner provisioner;
    private ProvisionedStack stack;
    private SamTemplate template;
    private LocalFunctions functions;
    private FunctionLogs logs;
    private HttpApiGateway gateway;
    private DevTokenIssuer issuer;
    private Schedules schedules;
    private ArtifactBuilder.Artifacts artifacts;
    private final List<String> mappings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Duration startup = Duration.ZERO;
    private volatile boolean closed;

    private LocalCloud(Options options) {
        this.options = options;
    }

    /** Starts everything; on failure, whatever was started is stopped again. */
    public static LocalCloud start(Options options) {
        LocalCloud cloud = new LocalCloud(options);
        try {
            cloud.run();
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

    private void run() {
        long started = System.nanoTime();
        PrintStream out = options.out();
        if (System.getProperty(DynaliteEmulator.HOME_PROPERTY) == null) {
            System.setProperty(DynaliteEmulator.HOME_PROPERTY, options.projectDir().resolve("local-cloud").toString());
        }
        template = SamTemplate.load(options.template(), options.parameters(), options.region());
        template.placeholderParameters().forEach((name, value) ->
                warn("parameter " + name + " has no default: using \"" + value + "\" (--parameter " + name + "=...)"));

        out.println("Starting the emulators ...");
        emulators = LocalEmulators.start(options.region(), options.sqsPort(), options.snsPort(), options.dynamodbPort());
        resources.add(emulators);
        provisioner = new Provisioner(emulators, this::warn);
        resources.add(provisioner);
        stack = provisioner.provision(template);
        Provisioner.writeSamEnvVars(stack, options.envJson());

        ArtifactBuilder builder = new ArtifactBuilder(options.workDir(), line -> out.println("  " + line));
        if (options.build()) {
            out.println("Building the layer and the functions with the Makefile (make build-<LogicalId>) ...");
            artifacts = builder.buildAll(template);
            out.printf("Built %d functions and %d layer(s) in %.1f s%n", artifacts.functions().size(),
                    artifacts.layers().size(), artifacts.took().toMillis() / 1000.0);
        } else {
            artifacts = builder.existing(template);
        }

        logs = new FunctionLogs(out, options.printFunctionLogs());
        List<FunctionSpec> specs = new ArrayList<>();
        for (SamTemplate.Function f : template.functions()) {
            if (artifacts.functions().containsKey(f.logicalId())) {
                specs.add(new FunctionSpec(f.logicalId(), f.handler(), artifacts.classpath(f),
                        stack.functionEnvironment(f), f.memoryMb(), Duration.ofSeconds(f.timeoutSeconds())));
            }
        }
        functions = new LocalFunctions(specs, options.region(), logs);
        resources.add(functions);

        for (SamTemplate.Function f : template.functions()) {
            for (SamTemplate.SqsSource source : f.sqsSources()) {
                if (!source.enabled() || !functions.contains(f.logicalId())) {
                    continue;
                }
                SqsEventSourceMapping mapping = new SqsEventSourceMapping(provisioner.sqs(),
                        stack.queueUrl(source.queueId()), stack.queueArn(source.queueId()), options.region(),
                        Math.min(10, source.batchSize()), functions.invoker(f.logicalId()));
                mapping.start();
                resources.add(mapping);
                mappings.add(source.queueId() + " -> " + f.logicalId() + " (batch " + source.batchSize() + ")");
            }
        }
        if (options.schedules()) {
            List<SamTemplate.Schedule> all = template.functions().stream()
                    .filter(f -> functions.contains(f.logicalId()))
                    .flatMap(f -> f.schedules().stream()).toList();
            schedules = new Schedules(all, options.region(), functions::invoker, out::println);
            resources.add(schedules);
        }

        int apiPort = options.apiPort() == 0 ? freePort() : options.apiPort();
        String issuerUrl = "http://127.0.0.1:" + apiPort + "/local";
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        Set<String> audiences = new LinkedHashSet<>();
        Set<String> scopes = new LinkedHashSet<>();
        template.routes().forEach(r -> scopes.addAll(r.scopes()));
        SamTemplate.HttpApi api = template.httpApi().orElse(null);
        if (api != null) {
            api.authorizers().values().forEach(a -> audiences.addAll(audiences(a)));
        }
        issuer = new DevTokenIssuer(issuerUrl, audiences.isEmpty() ? "local-client" : audiences.iterator().next(),
                List.copyOf(scopes), Clock.systemUTC());
        if (api != null) {
            api.authorizers().values().forEach(a -> authorizers.put(a.name(),
                    new JwtAuthorizer(a.header(), issuerUrl, audiences(a), issuer.publicKeys(), Clock.systemUTC())));
        }
        gateway = HttpApiGateway.start(template.routes(),
                new HttpApiGateway.Settings("127.0.0.1", apiPort, authorizers, api == null ? null : api.cors(), issuer),
                functions::invoker, functions::isWarm, out::println);
        resources.add(gateway);
        startup = Duration.ofNanos(System.nanoTime() - started);
    }

    private List<String> audiences(SamTemplate.JwtAuthorizer authorizer) {
        Object resolved = template.intrinsics().withReferences(stack).resolve(authorizer.audience());
        if (resolved instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return resolved == null ? List.of() : List.of(String.valueOf(resolved));
    }

    private void warn(String warning) {
        warnings.add(warning);
        options.out().println("WARNING: " + warning);
    }

    // ---- what tests and tools use ----------------------------------------------------------------------------

    public URI apiEndpoint() {
        return gateway.endpoint();
    }

    public URI tokenEndpoint() {
        return URI.create(gateway.endpoint() + "/local/token");
    }

    public LocalEmulators emulators() {
        return emulators;
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public SamTemplate template() {
        return template;
    }

    public FunctionLogs logs() {
        return logs;
    }

    public DevTokenIssuer issuer() {
        return issuer;
    }

    public LambdaInvoker function(String logicalId) {
        return functions.invoker(logicalId);
    }

    /** How long the last build took (zero with {@code --no-build}). */
    public Duration buildTime() {
        return artifacts.took();
    }

    /** From start to serving (including the build). */
    public Duration startupTime() {
        return startup;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Prints where everything is. */
    public void describe(PrintStream out) {
        String api = gateway.endpoint().toString();
        out.println();
        out.printf("eventsuite local cloud is up in %.1f s (build %.1f s), region %s, any AWS credentials work%n",
                startup.toMillis() / 1000.0, artifacts.took().toMillis() / 1000.0, options.region());
        out.println();
        out.println("HTTP API         " + api + "   (payload 2.0, JWT authorizer trusting the local dev issuer)");
        for (var route : gateway.routes().routes()) {
            out.printf("  %-7s %-24s -> %-34s %s%n", route.method(), route.path(), route.functionId(),
                    route.authorizer() == null ? "(open)" : route.scopes());
        }
        out.println("Token (local only, loopback, not in AWS):");
        out.println("  curl -s -X POST " + api + "/local/token -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"sub\":\"alice\",\"email\":\"alice@example.com\",\"groups\":[\"admin\"]}'");
        out.println("  issuer " + issuer.issuer() + ", keys " + api + "/local/jwks.json, audience " + issuer.clientId());
        out.println("Invoke any function: curl -s -X POST " + api + "/local/invoke/<LogicalId> -d '<event json>'");
        out.println();
        out.println("Emulators");
        out.println("  SQS      (ElasticMQ)  " + emulators.sqs().endpoint());
        out.println("  SNS      (stand-in)   " + emulators.sns().endpoint());
        out.println("  DynamoDB (dynalite)   " + emulators.dynamodb().endpoint());
        out.println("Tables     " + String.join(", ", stack.tableNames().values()));
        stack.topicArns().forEach((id, arn) -> out.println("Topic      " + arn));
        out.println("Queues");
        template.queues().forEach(q -> out.printf("  %-44s %s%n", q.queueName(), stack.queueUrl(q.logicalId())));
        out.println("Event source mappings");
        mappings.forEach(m -> out.println("  " + m));
        if (schedules != null) {
            out.println("Schedules");
            schedules.running().forEach(s -> out.println("  " + s.schedule().functionId() + " "
                    + s.schedule().expression()));
        }
        out.println("Captured emails (the local SES): queue " + stack.capturedEmailQueueUrl());
        out.println("  curl -s " + emulators.sqs().endpoint() + " -H 'Content-Type: application/x-amz-json-1.0' \\");
        out.println("       -H 'X-Amz-Target: AmazonSQS.ReceiveMessage' \\");
        out.println("       -d '{\"QueueUrl\":\"" + stack.capturedEmailQueueUrl() + "\",\"MaxNumberOfMessages\":10}'");
        out.println("sam local start-api --docker-network host --port 3001 --env-vars " + display(options.envJson()));
        out.println("Function logs are printed below, each line prefixed with [FunctionLogicalId]. Ctrl-C stops all.");
        out.println();
    }

    private String display(Path path) {
        Path relative = options.projectDir().relativize(path);
        return relative.startsWith("..") ? path.toString() : relative.toString();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- command line ----------------------------------------------------------------------------------------

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: LocalCloud [--project-dir=.] [--template=template.yaml] [--port=3000] "
                    + "[--sqs-port=9324] [--sns-port=9911] [--dynamodb-port=4567] [--region=us-east-1] "
                    + "[--parameter Name=Value]... [--no-build] [--no-schedules] [--quiet-functions] "
                    + "[--env-json=local-cloud/env.json] [--work-dir=target/local-cloud]");
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

    static Options parse(String[] args) {
        Path projectDir = Path.of("").toAbsolutePath();
        Path template = null;
        Path workDir = null;
        Path envJson = null;
        String region = null;
        int port = 3000;
        int sqsPort = 9324;
        int snsPort = 9911;
        int dynamodbPort = 4567;
        boolean build = true;
        boolean schedules = true;
        boolean printLogs = true;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String[] kv = arg.split("=", 2);
            String value = kv.length == 2 ? kv[1] : null;
            switch (kv[0]) {
                case "--project-dir" -> projectDir = Path.of(required(arg, value));
                case "--template" -> template = Path.of(required(arg, value));
                case "--work-dir" -> workDir = Path.of(required(arg, value));
                case "--env-json" -> envJson = Path.of(required(arg, value));
                case "--region" -> region = required(arg, value);
                case "--port" -> port = Integer.parseInt(required(arg, value));
                case "--sqs-port" -> sqsPort = Integer.parseInt(required(arg, value));
                case "--sns-port" -> snsPort = Integer.parseInt(required(arg, value));
                case "--dynamodb-port" -> dynamodbPort = Integer.parseInt(required(arg, value));
                case "--no-build" -> build = false;
                case "--no-schedules" -> schedules = false;
                case "--quiet-functions" -> printLogs = false;
                case "--parameter" -> {
                    String assignment = value != null ? value : i + 1 < args.length ? args[++i] : null;
                    String[] nv = required(arg, assignment).split("=", 2);
                    if (nv.length != 2) {
                        throw new IllegalArgumentException("--parameter takes Name=Value, got " + assignment);
                    }
                    parameters.put(nv[0], nv[1]);
                }
                default -> throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        if (!Files.isRegularFile(template == null ? projectDir.resolve("template.yaml") : template)) {
            throw new IllegalArgumentException("No template.yaml in " + projectDir + ": run from the project root or "
                    + "give --project-dir / --template");
        }
        return new Options(projectDir, template, region, port, sqsPort, snsPort, dynamodbPort, workDir, envJson, build,
                schedules, printLogs, parameters, System.out);
    }

    private static String required(String arg, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return value;
    }
}
