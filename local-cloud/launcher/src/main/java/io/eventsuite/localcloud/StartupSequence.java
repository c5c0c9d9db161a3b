package io.eventsuite.localcloud;

import io.eventsuite.localcloud.aws.AwsAccount;
import io.eventsuite.localcloud.aws.AwsService;
import io.eventsuite.localcloud.aws.EndpointProbe;
import io.eventsuite.localcloud.aws.ExternalAws;
import io.eventsuite.localcloud.aws.UserAws;
import io.eventsuite.localcloud.dynamodb.DynaliteEmulator;
import io.eventsuite.localcloud.faults.FaultKind;
import io.eventsuite.localcloud.faults.FaultProxy;
import io.eventsuite.localcloud.faults.Faults;
import io.eventsuite.localcloud.functions.ArtifactBuilder;
import io.eventsuite.localcloud.functions.FunctionLogs;
import io.eventsuite.localcloud.functions.LocalFunctions;
import io.eventsuite.localcloud.functions.Schedules;
import io.eventsuite.localcloud.gateway.HttpApiGateway;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.localcloud.runtime.lambda.EnvironmentPool;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import io.eventsuite.localcloud.runtime.sqs.SqsEventSourceMapping;
import io.eventsuite.localcloud.template.SamTemplate;
import io.eventsuite.localcloud.tracing.ZipkinServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Brings the local cloud up, in the order each part needs the one before: template, emulators, provisioned
 * resources, build, function environments, SQS event source mappings, schedules, HTTP API. Every part that runs
 * is added to {@code resources} as soon as it is started, so that a failure half-way stops what already runs.
 */
final class StartupSequence {

    private final LocalCloud.Options options;
    private final List<AutoCloseable> resources;
    private final Consumer<String> warn;
    private final PrintStream out;

    StartupSequence(LocalCloud.Options options, List<AutoCloseable> resources, Consumer<String> warn) {
        this.options = options;
        this.resources = resources;
        this.warn = warn;
        this.out = options.out();
    }

    RunningCloud run() {
        long started = System.nanoTime();
        ExternalAws external = options.aws();
        AwsCredentialsProvider credentials = external.any() ? UserAws.credentials() : LocalEmulators.CREDENTIALS;
        if (external.any()) {
            // Before anything starts: an endpoint that is down is said at once, not after a build.
            EndpointProbe.requireAnswering(new AwsAccount(options.region(), credentials, external.endpoints()),
                    external.external());
        }
        if (System.getProperty(DynaliteEmulator.HOME_PROPERTY) == null) {
            System.setProperty(DynaliteEmulator.HOME_PROPERTY, options.projectDir().resolve("local-cloud").toString());
        }
        SamTemplate template = SamTemplate.load(options.template(), options.parameters(), options.region());
        template.placeholderParameters().forEach((name, value) -> warn.accept(
                "parameter " + name + " has no default: using \"" + value + "\" (--parameter " + name + "=...)"));

        // Zipkin takes about 20 s to start: it starts first and is awaited once everything else runs.
        ZipkinServer zipkin = ZipkinServer.startIfConfigured(options.workDir(), warn)
                .map(this::started).orElse(null);

        LocalEmulators emulators = startEmulators(external, credentials);
        AwsAccount account = account(emulators, external, credentials);
        Faults faults = options.faults().isOn() ? new Faults(options.faults(), out::println) : Faults.none();
        Provisioner provisioner = started(new Provisioner(account,
                new Provisioner.Settings(external.namePrefix(), null), warn));
        ProvisionedStack stack = provisioner.provision(template, functionEndpoints(account, faults));
        if (external.any()) {
            // The user's endpoints outlive the local cloud: what it created there goes when it stops.
            started(() -> provisioner.deprovision(stack));
        }

        ArtifactBuilder.Artifacts artifacts = build(template);
        FunctionLogs logs = new FunctionLogs(out, options.printFunctionLogs());
        LocalFunctions functions = started(functions(template, artifacts, stack, logs,
                zipkin == null ? Map.of() : zipkin.functionEnvironment(), faults));
        List<String> mappings = startMappings(template, provisioner, stack, functions, faults);
        Schedules schedules = options.schedules() ? started(schedules(template, functions)) : null;

        int apiPort = options.apiPort() == 0 ? freePort() : options.apiPort();
        LocalAuthorization authorization = LocalAuthorization.create(template, stack,
                "http://127.0.0.1:" + apiPort + "/local");
        // For sam local start-api (no JWT authorizer there): the functions verify the dev issuer's tokens themselves.
        Provisioner.writeSamEnvVars(stack, options.envJson(), authorization::samLocalJavaOptions);
        SamTemplate.HttpApi api = template.httpApi().orElse(null);
        HttpApiGateway gateway = started(HttpApiGateway.start(template.routes(),
                new HttpApiGateway.Settings("127.0.0.1", apiPort, authorization.authorizers(),
                        api == null ? null : api.cors(), authorization.issuer(), () -> faultReport(faults),
                        options.projectDir().resolve("docs").resolve("openapi.yaml")),
                functions::invoker, functions::isWarm, out::println));
        if (zipkin != null && !zipkin.awaitReady(Duration.ofSeconds(90))) {
            warn.accept("Zipkin did not answer within 90 s (see " + options.workDir().resolve("zipkin.log")
                    + "); spans sent before it is up are lost");
        }
        return new RunningCloud(template, emulators, account, stack, artifacts, logs, functions, mappings, schedules,
                authorization.issuer(), gateway, zipkin, Duration.ofNanos(System.nanoTime() - started), faults);
    }

    /**
     * The embedded emulators of the services that have no endpoint of the user's, or {@code null} when every
     * service runs elsewhere. An SNS stand-in beside an SQS elsewhere delivers there.
     */
    private LocalEmulators startEmulators(ExternalAws external, AwsCredentialsProvider credentials) {
        Set<LocalEmulators.Emulator> embedded = EnumSet.noneOf(LocalEmulators.Emulator.class);
        if (!external.isExternal(AwsService.SQS)) {
            embedded.add(LocalEmulators.Emulator.SQS);
        }
        if (!external.isExternal(AwsService.SNS)) {
            embedded.add(LocalEmulators.Emulator.SNS);
        }
        if (!external.isExternal(AwsService.DYNAMODB)) {
            embedded.add(LocalEmulators.Emulator.DYNAMODB);
        }
        if (embedded.isEmpty()) {
            return null;
        }
        out.println("Starting the emulators (" + embedded + ") ...");
        SqsClient sqsElsewhere = external.isExternal(AwsService.SQS)
                ? new AwsAccount(options.region(), credentials, external.endpoints()).sqs() : null;
        return started(LocalEmulators.start(options.region(), options.sqsPort(), options.snsPort(),
                options.dynamodbPort(), embedded, sqsElsewhere));
    }

    /** Each service's endpoint: the user's where given, else its embedded emulator's. */
    private AwsAccount account(LocalEmulators emulators, ExternalAws external, AwsCredentialsProvider credentials) {
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        if (emulators != null) {
            endpoints.putAll(AwsAccount.embedded(emulators).endpoints());
        }
        endpoints.putAll(external.endpoints());
        return new AwsAccount(options.region(), credentials, endpoints);
    }

    /**
     * Where the functions send their DynamoDB and SNS calls: the account's endpoints, or with the fault switch on a
     * fault proxy in front of each (SQS is reached directly: its faults are the mappings' duplicates).
     */
    private ProvisionedStack.Endpoints functionEndpoints(AwsAccount account, Faults faults) {
        URI dynamodb = account.endpoint(AwsService.DYNAMODB);
        URI sns = account.endpoint(AwsService.SNS);
        if (faults.plan().rate(FaultKind.DYNAMODB) > 0) {
            dynamodb = started(FaultProxy.start(FaultProxy.Service.DYNAMODB, dynamodb, faults)).endpoint();
        }
        if (faults.plan().rate(FaultKind.SNS) > 0) {
            sns = started(FaultProxy.start(FaultProxy.Service.SNS, sns, faults)).endpoint();
        }
        if (faults.plan().isOn()) {
            // Stopped first on shutdown: the totals are the last thing said about the run.
            started(() -> out.println("Faults injected: " + faultReport(faults).get("injected")));
        }
        return new ProvisionedStack.Endpoints(dynamodb, sns, account.endpoint(AwsService.SQS));
    }

    /** What {@code GET /local/faults} answers: the plan's rates and the count injected, by kind. */
    static Map<String, Object> faultReport(Faults faults) {
        Map<String, Object> rates = new LinkedHashMap<>();
        Map<String, Object> injected = new LinkedHashMap<>();
        for (FaultKind kind : FaultKind.values()) {
            rates.put(kind.switchName(), faults.plan().rate(kind));
            injected.put(kind.switchName(), faults.counts().get(kind));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("on", faults.plan().isOn());
        report.put("rates", rates);
        report.put("injected", injected);
        return report;
    }

    private <T extends AutoCloseable> T started(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Builds with the Makefile, or (with {@code --no-build}) takes what an earlier build left. */
    private ArtifactBuilder.Artifacts build(SamTemplate template) {
        ArtifactBuilder builder = new ArtifactBuilder(options.workDir(), line -> out.println("  " + line));
        if (!options.build()) {
            return builder.existing(template);
        }
        out.println("Building the layer and the functions with the Makefile (make build-<LogicalId>) ...");
        ArtifactBuilder.Artifacts artifacts = builder.buildAll(template);
        out.printf("Built %d functions and %d layer(s) in %.1f s%n", artifacts.functions().size(),
                artifacts.layers().size(), artifacts.took().toMillis() / 1000.0);
        return artifacts;
    }

    /** An execution environment for each function that has been built (others cannot run). */
    private LocalFunctions functions(SamTemplate template, ArtifactBuilder.Artifacts artifacts,
            ProvisionedStack stack, FunctionLogs logs, Map<String, String> tracing, Faults faults) {
        List<FunctionSpec> specs = new ArrayList<>();
        for (SamTemplate.Function f : template.functions()) {
            if (artifacts.functions().containsKey(f.logicalId())) {
                Map<String, String> environment = new LinkedHashMap<>(stack.functionEnvironment(f));
                environment.putAll(tracing);
                specs.add(new FunctionSpec(f.logicalId(), f.handler(), artifacts.classpath(f),
                        environment, f.memoryMb(), Duration.ofSeconds(f.timeoutSeconds()),
                        options.initTimeout()));
            }
        }
        return new LocalFunctions(specs, options.region(), logs, name -> new EnvironmentPool.Scaling(
                concurrencyLimit(template.function(name)), EnvironmentPool.Scaling.DEFAULT_IDLE_TIMEOUT), faults);
    }

    /** The template's reserved concurrency if it sets one, else the local cloud's {@code --max-concurrency}. */
    private int concurrencyLimit(SamTemplate.Function f) {
        return f.reservedConcurrency() > 0 ? f.reservedConcurrency() : options.maxConcurrency();
    }

    /** Starts polling each enabled SQS event source; returns one line per mapping for the banner. */
    private List<String> startMappings(SamTemplate template, Provisioner provisioner, ProvisionedStack stack,
            LocalFunctions functions, Faults faults) {
        List<String> mappings = new ArrayList<>();
        for (SamTemplate.Function f : template.functions()) {
            for (SamTemplate.SqsSource source : f.sqsSources()) {
                if (!source.enabled() || !functions.contains(f.logicalId())) {
                    continue;
                }
                // Lambda's SQS poller receives at most 10 messages a call, whatever the batch size. Batches go
                // out concurrently up to the source's maximum concurrency, else as many as the function may run.
                int concurrency = source.maximumConcurrency() > 0 ? source.maximumConcurrency()
                        : concurrencyLimit(f);
                SqsEventSourceMapping mapping = new SqsEventSourceMapping(provisioner.sqs(),
                        stack.queueUrl(source.queueId()), stack.queueArn(source.queueId()), options.region(),
                        Math.min(10, source.batchSize()), concurrency, functions.invoker(f.logicalId()), faults);
                mapping.start();
                resources.add(mapping);
                mappings.add(source.queueId() + " -> " + f.logicalId() + " (batch " + source.batchSize()
                        + ", up to " + concurrency + " at once)");
            }
        }
        return mappings;
    }

    private Schedules schedules(SamTemplate template, LocalFunctions functions) {
        List<SamTemplate.Schedule> all = template.functions().stream()
                .filter(f -> functions.contains(f.logicalId()))
                .flatMap(f -> f.schedules().stream()).toList();
        return new Schedules(all, options.region(), functions::invoker, out::println);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
