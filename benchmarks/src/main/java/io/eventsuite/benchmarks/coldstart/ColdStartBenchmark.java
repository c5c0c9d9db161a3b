package io.eventsuite.benchmarks.coldstart;

import io.eventsuite.benchmarks.Summary;
import io.eventsuite.benchmarks.coldstart.snapstart.SnapStartHandler;
import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.functions.ArtifactBuilder;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.localcloud.runtime.lambda.ExecutionEnvironment;
import io.eventsuite.localcloud.runtime.lambda.FunctionError;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import io.eventsuite.localcloud.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cold start of three functions, an HTTP read ({@code GetOrderFunction}), an HTTP write ({@code PlaceOrderFunction})
 * and an SQS consumer ({@code SendNotificationsFunction}): each real function (its artifact and the dependencies layer
 * built by {@code make} as {@code sam build} does, handler {@code FunctionInvoker}, Spring Cloud Function) beside a
 * plain-Java {@code RequestStreamHandler} doing the same SDK work ({@link Workload}), each in a fresh JVM under the real
 * Lambda runtime interface client ({@link ExecutionEnvironment}), with the function's environment from template.yaml
 * resolved against the local emulators.
 *
 * <p>One run, {@code rounds} rounds (after {@code warmup-rounds} discarded ones, which warm the page cache and the
 * emulators); in each round every (function, variant) pair starts once, in an order that rotates from round to round.
 * Cold = from the first invocation's submission to its answer, which includes starting the JVM, the runtime client,
 * the handler's init (Spring's context, the SDK clients) and the first invocation; warm = the second invocation in that
 * environment (a new event: new work, not a replay). The ratio is taken per round and function (the two ran seconds
 * apart, under the same load) and then summarised.
 *
 * <p>Variants: {@code spring} (as the template runs it: Spring AOT on), {@code spring-no-aot} (the same artifact with
 * {@code -Dspring.aot.enabled=false}: the AOT lever), {@code spring-untraced} (without AOT and with tracing switched
 * off in its environment, {@link Variant#UNTRACED}: issue 7's cold cost of tracing, against {@code spring-no-aot}),
 * {@code plain}, and the {@code *-c2} variants. JIT: {@link ExecutionEnvironment} always starts its JVMs with {@code -XX:TieredStopAtLevel=1} (as Lambda's
 * runtime does) and {@link FunctionSpec} takes no JVM flags. The {@code *-c2} variants undo it without touching the
 * runtime module: HotSpot applies {@code _JAVA_OPTIONS} after the command line, so {@code -XX:TieredStopAtLevel=4}
 * there restores full tiered compilation (each run checks the JVM reported picking it up).
 *
 * <p>Arguments ({@code name=value}, a leading {@code --} optional): {@code rounds=5}, {@code warmup-rounds=1},
 * {@code variants=spring,spring-no-aot,spring-untraced,plain}, {@code functions=get-order,place-order,send-notifications}.
 */
public final class ColdStartBenchmark {

    /** Spring Boot's logging level variable that makes the AWS SDK log each request it sends. */
    static final Map<String, String> ROUND_TRIP_LOGGING = Map.of("LOGGING_LEVEL_SOFTWARE_AMAZON_AWSSDK_REQUEST", "DEBUG");
    /** Longer than the template's 15 s, so that a slow moment of a shared machine does not cut a cold start off. */
    static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);
    private static final String FULL_JIT = "-XX:TieredStopAtLevel=4";
    private static final Duration MAKE_TIMEOUT = Duration.ofMinutes(20);
    static final List<Workload> WORKLOADS = List.of(new GetOrderWorkload(), new PlaceOrderWorkload(),
            new SendNotificationsWorkload());

    /** What is started: the Spring function or the plain handler, its JIT, and what its environment adds. */
    public enum Variant {
        SPRING("spring", "(a) Spring Cloud Function, as the template runs it", true, false, Map.of()),
        NO_AOT("spring-no-aot", "(a) without Spring AOT", true, false, Map.of(
                "JAVA_TOOL_OPTIONS", "-Dspring.aot.enabled=false")),
        // Without AOT, whose generated context fixes the tracing auto-configuration's conditions at build time.
        UNTRACED("spring-untraced", "(a) without Spring AOT, tracing off", true, false, Map.of(
                "JAVA_TOOL_OPTIONS", "-Dspring.aot.enabled=false",
                // Boot's tracing auto-configuration (tracer, propagation, span export) off; the layer's exporter none.
                "MANAGEMENT_TRACING_EXPORT_ENABLED", "false",
                "EVENTSUITE_TRACING_EXPORTER", "none")),
        // SnapStart in one JVM (snapstart.SnapStartHandler): init, then the CRaC hooks as around a snapshot, then the
        // invocations, each timed inside the handler; and the same handler without the hooks.
        PRIMED("spring-primed", "(a) init, CRaC hooks (priming) as SnapStart, invoke", true, false, Map.of(
                "JAVA_TOOL_OPTIONS", "-Dorg.crac.Core.Compat=" + SnapStartHandler.class.getPackageName(),
                "EVENTSUITE_BENCH_SNAPSHOT", "true")),
        UNPRIMED("spring-unprimed", "(a) init, invoke (no hooks), timed alike", true, false, Map.of(
                "EVENTSUITE_BENCH_SNAPSHOT", "false")),
        // A lever's effect in one alternating run: the same function built from another checkout (baseline=<dir>,
        // e.g. a worktree of the commit before the lever), started beside this checkout's.
        BASELINE("spring-baseline", "(a) the same, built from the baseline checkout", true, false, Map.of()),
        BASELINE_PRIMED("spring-baseline-primed", "(a) as spring-primed, built from the baseline", true, false,
                PRIMED.environment),
        PLAIN("plain", "(b) plain RequestStreamHandler, same work", false, false, Map.of()),
        SPRING_C2("spring-c2", "(a) Spring Cloud Function", true, true, Map.of()),
        PLAIN_C2("plain-c2", "(b) plain RequestStreamHandler", false, true, Map.of()),
        // Class data sharing, an option for container images only (ClassArchive): each with its own archive.
        SPRING_CDS("spring-cds", "(a) with an AppCDS archive (images only)", true, ClassArchive.CDS),
        PLAIN_CDS("plain-cds", "(b) with an AppCDS archive (images only)", false, ClassArchive.CDS),
        SPRING_AOT_CACHE("spring-aot-cache", "(a) with a JDK AOT cache (images only)", true, ClassArchive.AOT_CACHE),
        PLAIN_AOT_CACHE("plain-aot-cache", "(b) with a JDK AOT cache (images only)", false, ClassArchive.AOT_CACHE);

        final String id;
        final String label;
        final boolean spring;
        final boolean fullJit;
        final Map<String, String> environment;
        final ClassArchive archive;

        Variant(String id, String label, boolean spring, boolean fullJit, Map<String, String> environment) {
            this(id, label, spring, fullJit, environment, ClassArchive.NONE);
        }

        Variant(String id, String label, boolean spring, ClassArchive archive) {
            this(id, label, spring, false, Map.of(), archive);
        }

        Variant(String id, String label, boolean spring, boolean fullJit, Map<String, String> environment,
                ClassArchive archive) {
            this.id = id;
            this.label = label;
            this.spring = spring;
            this.fullJit = fullJit;
            this.environment = environment;
            this.archive = archive;
        }

        String jit() {
            return fullJit ? "C1+C2" : "C1 only";
        }

        /** Whether it runs under {@link SnapStartHandler}, which times each invocation inside the handler. */
        boolean snapStartHandler() {
            return this == PRIMED || this == UNPRIMED || this == BASELINE_PRIMED;
        }

        /** Whether it is built from the baseline checkout. */
        boolean baseline() {
            return this == BASELINE || this == BASELINE_PRIMED;
        }

        static Variant of(String id) {
            return Arrays.stream(values()).filter(v -> v.id.equals(id.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown variant " + id + "; known: "
                            + Arrays.stream(values()).map(v -> v.id).toList()));
        }
    }

    /**
     * @param extraEnvironment added to every variant's environment ({@code JAVA_TOOL_OPTIONS} is appended to), to look
     *                         inside or try a lever without a rebuild, e.g. {@code env=JAVA_TOOL_OPTIONS=-Xlog:class+load}
     * @param showLog           print the log of each (function, variant)'s first start
     * @param baseline          the checkout {@code spring-baseline(-primed)} is built from, or {@code null}
     */
    public record Options(int rounds, int warmupRounds, List<Variant> variants, List<String> functions,
            Map<String, String> extraEnvironment, boolean showLog, Path baseline) {

        public static final Options DEFAULT = new Options(5, 1, List.of(Variant.SPRING, Variant.NO_AOT,
                Variant.UNTRACED, Variant.PLAIN), WORKLOADS.stream().map(Workload::id).toList(), Map.of(), false, null);

        public Options(int rounds, int warmupRounds, List<Variant> variants, List<String> functions) {
            this(rounds, warmupRounds, variants, functions, Map.of(), false, null);
        }

        public Options {
            if (rounds < 1 || warmupRounds < 0 || variants.isEmpty() || functions.isEmpty()) {
                throw new IllegalArgumentException("rounds >= 1, warmup-rounds >= 0, at least one variant and function");
            }
            variants = List.copyOf(variants);
            functions = List.copyOf(functions);
            extraEnvironment = Map.copyOf(extraEnvironment);
            functions.forEach(ColdStartBenchmark::workload);
            if (variants.stream().anyMatch(Variant::baseline) != (baseline != null)) {
                throw new IllegalArgumentException("spring-baseline(-primed) and baseline=<checkout> go together");
            }
            if (baseline != null && !Files.isRegularFile(baseline.resolve("Makefile"))) {
                throw new IllegalArgumentException("baseline=" + baseline + " has no Makefile");
            }
        }

        public static Options parse(String... args) {
            int rounds = DEFAULT.rounds;
            int warmup = DEFAULT.warmupRounds;
            List<Variant> variants = DEFAULT.variants;
            List<String> functions = DEFAULT.functions;
            Map<String, String> extraEnvironment = new LinkedHashMap<>();
            boolean showLog = false;
            Path baseline = null;
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                String value = kv.length == 2 ? kv[1] : "";
                switch (kv[0]) {
                    case "rounds" -> rounds = Integer.parseInt(value);
                    case "warmup-rounds" -> warmup = Integer.parseInt(value);
                    case "variants" -> variants = Arrays.stream(value.split(",")).map(Variant::of).toList();
                    case "functions" -> functions = Arrays.stream(value.split(",")).map(String::strip).toList();
                    case "env" -> {
                        String[] variable = value.split("=", 2);
                        extraEnvironment.put(variable[0], variable.length == 2 ? variable[1] : "");
                    }
                    case "show-log" -> showLog = Boolean.parseBoolean(value);
                    case "baseline" -> baseline = Path.of(value).toAbsolutePath().normalize();
                    case "round-trips" -> {
                        if (Boolean.parseBoolean(value)) {
                            extraEnvironment.putAll(ROUND_TRIP_LOGGING);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + arg
                            + "; use rounds=N warmup-rounds=N variants=spring,spring-no-aot,spring-untraced,plain,spring-c2,plain-c2"
                            + " functions=get-order,place-order,send-notifications env=NAME=VALUE"
                            + " show-log=true round-trips=true baseline=<checkout> (with variant spring-baseline or spring-baseline-primed)");
                }
            }
            return new Options(rounds, warmup, variants, functions, extraEnvironment, showLog, baseline);
        }
    }

    static Workload workload(String id) {
        return WORKLOADS.stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown function " + id + "; known: "
                        + WORKLOADS.stream().map(Workload::id).toList()));
    }

    /**
     * One environment's two invocations, and what its first answer showed; under {@link SnapStartHandler} also the two
     * invocations' times inside the handler (else NaN).
     */
    public record Sample(String function, Variant variant, int round, Duration cold, Duration warm, String answer,
            double firstHandledMs, double warmHandledMs, double firstHandledCpuMs, double warmHandledCpuMs,
            int warmRoundTrips, double coldCpuMs) {
    }

    /** What a variant's JVM gets on its classpath (before the runtime's own jars): jars, bytes. */
    record PackageSize(int jars, long bytes) {
    }

    /** One function's variant, ready to start. */
    private record Start(Workload workload, Variant variant) {
    }

    public static void main(String[] args) {
        Result result = run(Options.parse(args), System.out::println);
        System.out.println();
        System.out.println(result.table());
    }

    public static Result run(Options options, Consumer<String> progress) {
        Path root = projectRoot();
        Path out = root.resolve("benchmarks").resolve("target").resolve("cold-start");
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"), Map.of(), LocalEmulators.DEFAULT_REGION);
        List<Workload> workloads = options.functions().stream().map(ColdStartBenchmark::workload).toList();

        Map<String, List<Path>> classpaths = new LinkedHashMap<>();
        Map<String, PackageSize> packages = new LinkedHashMap<>();
        Map<String, Path> layers = new LinkedHashMap<>();
        Map<String, Path> baselineLayers = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            SamTemplate.Function function = template.function(workload.function());
            if (options.variants().stream().anyMatch(Variant::baseline)) {
                Path baselineOut = out.resolve("baseline");
                for (String layer : function.layers()) {
                    if (!baselineLayers.containsKey(layer)) {
                        baselineLayers.put(layer, make(options.baseline(), layer, baselineOut.resolve(layer), progress));
                    }
                }
                Path artifact = make(options.baseline(), workload.function(), baselineOut.resolve(workload.function()),
                        progress);
                List<Path> classpath = new ArtifactBuilder.Artifacts(baselineLayers,
                        Map.of(workload.function(), artifact), Duration.ZERO).classpath(function);
                classpaths.put(key(workload, Variant.BASELINE), classpath);
                if (options.variants().contains(Variant.BASELINE_PRIMED)) {
                    classpaths.put(key(workload, Variant.BASELINE_PRIMED), withSnapStartHandler(classpath, out));
                }
                packages.put(key(workload, Variant.BASELINE), new PackageSize(jarCount(classpath),
                        PlainPackage.bytes(List.of(artifact)) + PlainPackage.bytes(List.copyOf(baselineLayers.values()))));
            }
            if (options.variants().stream().anyMatch(v -> v.spring && !v.baseline())) {
                for (String layer : function.layers()) {
                    if (!layers.containsKey(layer)) {
                        layers.put(layer, make(root, layer, out.resolve(layer), progress));
                    }
                }
                Path artifact = make(root, workload.function(), out.resolve(workload.function()), progress);
                List<Path> classpath = new ArtifactBuilder.Artifacts(layers, Map.of(workload.function(), artifact),
                        Duration.ZERO).classpath(function);
                classpaths.put(key(workload, Variant.SPRING), classpath);
                if (options.variants().stream().anyMatch(v -> v.snapStartHandler() && !v.baseline())) {
                    classpaths.put(key(workload, Variant.PRIMED), withSnapStartHandler(classpath, out));
                }
                packages.put(key(workload, Variant.SPRING), new PackageSize(jarCount(classpath),
                        PlainPackage.bytes(List.of(artifact)) + PlainPackage.bytes(List.copyOf(layers.values()))));
            }
            if (options.variants().stream().anyMatch(v -> !v.spring)) {
                Path dir = out.resolve("Plain" + workload.function());
                List<Path> classpath = PlainPackage.build(dir, workload.sdkServices());
                progress.accept(String.format("packaged %-28s %d jars", "Plain" + workload.function(),
                        jarCount(classpath)));
                classpaths.put(key(workload, Variant.PLAIN), classpath);
                packages.put(key(workload, Variant.PLAIN), new PackageSize(jarCount(classpath),
                        PlainPackage.bytes(List.of(dir))));
            }
        }

        List<String> warnings = new CopyOnWriteArrayList<>();
        List<Sample> samples = new ArrayList<>();
        try (LocalEmulators emulators = LocalEmulators.start();
             Provisioner provisioner = new Provisioner(emulators, warnings::add)) {
            ProvisionedStack stack = provisioner.provision(template);
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            Map<String, Workload.Prepared> prepared = new LinkedHashMap<>();
            for (Workload workload : workloads) {
                warnings.clear();
                environments.put(workload.id(), stack.functionEnvironment(template.function(workload.function())));
                if (!warnings.isEmpty()) {
                    throw new IllegalStateException(workload.function() + ": its environment does not resolve locally: "
                            + warnings);
                }
                prepared.put(workload.id(), workload.prepare(provisioner, stack));
            }
            progress.accept("emulators up, data seeded for " + options.functions());
            Map<String, String> archiveOptions = new LinkedHashMap<>();
            for (Workload workload : workloads) {
                for (Variant variant : options.variants()) {
                    if (variant.archive == ClassArchive.NONE) {
                        continue;
                    }
                    Path dir = out.resolve("archives").resolve(workload.id() + "-" + variant.id);
                    ClassArchive.clear(dir);
                    List<Path> classpath = ClassArchive.jarred(classpaths.get(key(workload.id(), variant)),
                            dir.resolve("classpath"));
                    classpaths.put(key(workload, variant), classpath);
                    SamTemplate.Function function = template.function(workload.function());
                    train(spec(variant, workload, function, classpath, environments.get(workload.id()),
                                    options.extraEnvironment(), variant.archive.trainingOptions(dir)),
                            workload.id() + "/" + variant.id, prepared.get(workload.id()), emulators.region());
                    variant.archive.create(dir, ExecutionEnvironment.classpathOf(classpath));
                    archiveOptions.put(key(workload, variant), variant.archive.useOptions(dir));
                    progress.accept(String.format("archived %-18s %-16s (a training start, then %s)", workload.id(),
                            variant.id, variant.archive));
                }
            }

            List<Start> starts = new ArrayList<>();
            workloads.forEach(w -> options.variants().forEach(v -> starts.add(new Start(w, v))));
            int total = options.warmupRounds() + options.rounds();
            Set<String> shown = new HashSet<>();
            for (int r = 0; r < total; r++) {
                int round = r - options.warmupRounds() + 1;
                for (Start start : rotate(starts, r)) {
                    Workload workload = start.workload();
                    Variant variant = start.variant();
                    SamTemplate.Function function = template.function(workload.function());
                    FunctionSpec spec = spec(variant, workload, function, classpaths.get(key(workload, variant)),
                            environments.get(workload.id()), options.extraEnvironment(),
                            archiveOptions.getOrDefault(key(workload, variant), ""));
                    boolean first = shown.add(workload.id() + "/" + variant.id);
                    Sample sample = measure(spec, workload.id(), variant, round, prepared.get(workload.id()),
                            emulators.region(), first && options.showLog() ? progress : line -> { });
                    progress.accept(String.format(Locale.ROOT, "%s %-18s %-16s cold %,7.0f ms  warm %,5.0f ms",
                            round < 1 ? "warm-up " + (r + 1) : "round " + round + "  ", workload.id(), variant.id,
                            millis(sample.cold()), millis(sample.warm())));
                    if (first) {
                        progress.accept("  its first answer: " + sample.answer());
                    }
                    if (round >= 1) {
                        samples.add(sample);
                    }
                }
            }
        }
        return new Result(options, samples, packages);
    }

    /**
     * Which build a variant starts: the plain handler's, the baseline's, with the CRaC stand-in, or the function's; an
     * archive's variant starts its own copy, packed into jars.
     */
    private static String key(Workload workload, Variant variant) {
        return key(workload.id(), variant) + (variant.snapStartHandler() ? "/snapstart" : "")
                + (variant.archive != ClassArchive.NONE ? "/" + variant.id : "");
    }

    /** {@code classpath} with {@link SnapStartHandler} (and its CRaC stand-in) after it. */
    private static List<Path> withSnapStartHandler(List<Path> classpath, Path out) {
        List<Path> withHooks = new ArrayList<>(classpath);
        withHooks.add(PlainPackage.classesOf(SnapStartHandler.class, out.resolve("SnapStartHandler")));
        return withHooks;
    }

    /** The same without the CRaC stand-in, the key of the build's size. */
    private static String key(String function, Variant variant) {
        return function + (variant.baseline() ? "/baseline" : variant.spring ? "/spring" : "/plain");
    }

    private static FunctionSpec spec(Variant variant, Workload workload, SamTemplate.Function function,
            List<Path> classpath, Map<String, String> templateEnvironment, Map<String, String> extraEnvironment,
            String archiveOptions) {
        // Both get the function's environment from the template (so the same JAVA_TOOL_OPTIONS): the plain handler
        // reads only the tables, topic and queue it needs, AWS_REGION, the credentials and the endpoints of it.
        Map<String, String> environment = new LinkedHashMap<>(templateEnvironment);
        variant.environment.forEach((name, value) -> add(environment, name, value));
        extraEnvironment.forEach((name, value) -> add(environment, name, value));
        if (!archiveOptions.isBlank()) {
            add(environment, "JAVA_TOOL_OPTIONS", archiveOptions);
        }
        if (variant.fullJit) {
            environment.put("_JAVA_OPTIONS", FULL_JIT);
        }
        String handler = variant.snapStartHandler() ? PlainPackage.handler(SnapStartHandler.class)
                : variant.spring ? function.handler() : PlainPackage.handler(workload.plainHandler());
        return new FunctionSpec(variant.spring ? workload.function() : "Plain" + workload.function(), handler,
                classpath, environment, function.memoryMb(), INVOCATION_TIMEOUT);
    }

    /** Sets a variable; JVM options are appended to those the template gives (a later -D wins). */
    private static void add(Map<String, String> environment, String name, String value) {
        environment.merge(name, value, (old, added) -> name.equals("JAVA_TOOL_OPTIONS") ? old + " " + added : added);
    }

    /** A training start for a class archive: two invocations, then time for the JVM to write what it recorded. */
    private static void train(FunctionSpec spec, String label, Workload.Prepared workload, String region) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (ExecutionEnvironment environment = new ExecutionEnvironment(spec, region, log::add)) {
            check(label, workload, environment.invoke(workload.nextEvent()), log);
            check(label, workload, environment.invoke(workload.nextEvent()), log);
            environment.closeAllowing(Duration.ofMinutes(2));
        } catch (FunctionError error) {
            throw new IllegalStateException(label + " (training) answered " + error.errorType() + ": "
                    + error.errorDocument() + "\nits log:\n" + String.join("\n", log));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private static Sample measure(FunctionSpec spec, String function, Variant variant, int round,
            Workload.Prepared workload, String region, Consumer<String> showLog) {
        List<String> log = new CopyOnWriteArrayList<>();
        String label = function + "/" + variant.id;
        String marker = UUID.randomUUID().toString();
        Map<String, String> environmentWithMarker = new LinkedHashMap<>(spec.environment());
        environmentWithMarker.put(ProcessCpu.MARKER, marker);
        FunctionSpec marked = new FunctionSpec(spec.name(), spec.handler(), spec.classpath(), environmentWithMarker,
                spec.memoryMb(), spec.timeout(), spec.initTimeout());
        try (ExecutionEnvironment environment = new ExecutionEnvironment(marked, region, log::add)) {
            byte[] firstEvent = workload.nextEvent();
            long start = System.nanoTime();
            byte[] first = environment.invoke(firstEvent);
            long cold = System.nanoTime() - start;
            double coldCpu = ProcessCpu.find(marker).map(ProcessCpu::millis).orElse(Double.NaN);
            String answer = check(label, workload, first, log);
            int firstLines = log.size();
            byte[] secondEvent = workload.nextEvent();
            start = System.nanoTime();
            byte[] second = environment.invoke(secondEvent);
            long warm = System.nanoTime() - start;
            check(label, workload, second, log);
            if (variant.snapStartHandler()) {
                awaitHandledLine(log, 2);
            }
            log.forEach(line -> showLog.accept("  | " + line));
            if (variant.fullJit && log.stream().noneMatch(l -> l.contains("Picked up _JAVA_OPTIONS: " + FULL_JIT))) {
                throw new IllegalStateException(label + ": the JVM did not report picking up _JAVA_OPTIONS="
                        + FULL_JIT + "; its log:\n" + String.join("\n", log));
            }
            return new Sample(function, variant, round, Duration.ofNanos(cold), Duration.ofNanos(warm), answer,
                    handledMs(log, 1, " ms,"), handledMs(log, 2, " ms,"), handledMs(log, 1, " ms CPU"),
                    handledMs(log, 2, " ms CPU"), roundTrips(log.subList(firstLines, log.size())), coldCpu);
        } catch (FunctionError error) {
            throw new IllegalStateException(label + " answered " + error.errorType() + ": "
                    + error.errorDocument() + "\nits log:\n" + String.join("\n", log));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    /**
     * The AWS SDK requests in these log lines: the SDK logs each as "Sending Request" at DEBUG on
     * {@code software.amazon.awssdk.request}, which {@code round-trips=true} turns on in the Spring variants
     * ({@link #ROUND_TRIP_LOGGING}); 0 otherwise.
     */
    static int roundTrips(List<String> lines) {
        return (int) lines.stream().filter(line -> line.contains("Sending Request: ")).count();
    }

    /**
     * Waits (a little) for {@link SnapStartHandler}'s line about its n-th invocation: the function's output is read on
     * another thread, so the answer can arrive before the line that times it.
     */
    private static void awaitHandledLine(List<String> log, int invocation) throws InterruptedException {
        String prefix = SnapStartHandler.LOG_PREFIX + invocation + " handled in ";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.stream().noneMatch(line -> line.contains(prefix)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /**
     * A time {@link SnapStartHandler} logged for its n-th invocation, the number before {@code unit} (" ms," wall,
     * " ms CPU" the handling thread's CPU); NaN without one.
     */
    static double handledMs(List<String> log, int invocation, String unit) {
        String prefix = SnapStartHandler.LOG_PREFIX + invocation + " handled in ";
        return log.stream().filter(line -> line.contains(prefix)).findFirst()
                .map(line -> line.substring(0, line.indexOf(unit)))
                .map(line -> line.substring(Math.max(line.lastIndexOf(' '), line.lastIndexOf(',')) + 1))
                .map(Double::parseDouble).orElse(Double.NaN);
    }

    /** A measurement only counts when the function did the work (see each workload's check). */
    private static String check(String label, Workload.Prepared workload, byte[] answer, List<String> log) {
        String text = new String(answer, StandardCharsets.UTF_8);
        try {
            return workload.check(label, text);
        } catch (RuntimeException wrong) {
            throw new IllegalStateException(wrong.getMessage() + "\nits log:\n" + String.join("\n", log), wrong);
        }
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        List<T> rotated = new ArrayList<>(list);
        Collections.rotate(rotated, -(by % list.size()));
        return rotated;
    }

    private static int jarCount(List<Path> classpath) {
        return (int) classpath.stream().filter(p -> p.getFileName().toString().endsWith(".jar")).count();
    }

    /** {@code make build-<target> ARTIFACTS_DIR=<dir>} from the project root, as sam build runs it. */
    static Path make(Path root, String target, Path dir, Consumer<String> progress) {
        long started = System.nanoTime();
        try {
            PlainPackage.deleteRecursively(dir);
            Files.createDirectories(dir);
            Path log = dir.resolveSibling("make-" + target + ".log");
            ProcessBuilder builder = new ProcessBuilder("make", "--no-print-directory", "build-" + target,
                    "ARTIFACTS_DIR=" + dir).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(MAKE_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("make build-" + target + " took over " + MAKE_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException("make build-" + target + " failed (exit " + process.exitValue()
                        + "); " + log + " ends with:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run make build-" + target + " (is GNU make installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + target, e);
        }
        progress.accept(String.format(Locale.ROOT, "built    %-28s %5.1f s (make build-%s)", target,
                (System.nanoTime() - started) / 1e9, target));
        return dir;
    }

    /** The project root: {@code -Deventsuite.project.dir}, or the nearest folder above holding template.yaml and the Makefile. */
    static Path projectRoot() {
        String property = System.getProperty("eventsuite.project.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("Makefile"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the project, or set -Deventsuite.project.dir");
    }

    /** The samples of one run and the table that reports them. */
    public record Result(Options options, List<Sample> samples, Map<String, PackageSize> packages) {

        public List<Sample> of(String function, Variant variant) {
            return samples.stream().filter(s -> s.function().equals(function) && s.variant() == variant).toList();
        }

        public Summary cold(String function, Variant variant) {
            return Summary.of(of(function, variant).stream().map(s -> millis(s.cold())).toList());
        }

        public Summary coldCpu(String function, Variant variant) {
            return Summary.of(of(function, variant).stream().map(Sample::coldCpuMs).filter(c -> !Double.isNaN(c))
                    .toList());
        }

        /** Cold CPU a/b of each round for one function, summarised. */
        public Summary coldCpuRatio(String function, Variant a, Variant b) {
            List<Double> ratios = new ArrayList<>();
            for (Sample x : of(function, a)) {
                of(function, b).stream().filter(y -> y.round() == x.round()).findFirst()
                        .filter(y -> !Double.isNaN(x.coldCpuMs()) && !Double.isNaN(y.coldCpuMs()))
                        .ifPresent(y -> ratios.add(x.coldCpuMs() / y.coldCpuMs()));
            }
            return Summary.of(ratios);
        }

        public Summary warm(String function, Variant variant) {
            return Summary.of(of(function, variant).stream().map(s -> millis(s.warm())).toList());
        }

        /** First invocation over the warm one, both timed inside the handler, per start; empty without such starts. */
        public Summary firstOverWarm(String function, Variant variant) {
            return Summary.of(of(function, variant).stream().filter(s -> !Double.isNaN(s.firstHandledMs()))
                    .map(s -> s.firstHandledMs() / s.warmHandledMs()).toList());
        }

        /** The same in the handling thread's CPU time. */
        public Summary firstOverWarmCpu(String function, Variant variant) {
            return Summary.of(of(function, variant).stream().filter(s -> !Double.isNaN(s.firstHandledCpuMs()))
                    .map(s -> s.firstHandledCpuMs() / s.warmHandledCpuMs()).toList());
        }

        /** Cold a/b of each round for one function, summarised; empty when the run lacks one of the two. */
        public Summary coldRatio(String function, Variant a, Variant b) {
            List<Double> ratios = new ArrayList<>();
            for (Sample x : of(function, a)) {
                of(function, b).stream().filter(y -> y.round() == x.round()).findFirst()
                        .ifPresent(y -> ratios.add(millis(x.cold()) / millis(y.cold())));
            }
            return Summary.of(ratios);
        }

        public String table() {
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "Cold starts, fresh JVM per start under the Lambda runtime interface"
                            + " client; %d rounds after %d discarded, starts alternating.%n"
                            + "JDK %s on %s, %d cores seen; figures, not assertions (shared, noisy machine).%n%n",
                    options.rounds(), options.warmupRounds(), System.getProperty("java.version"),
                    System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors()));
            t.append(String.format(Locale.ROOT, "%-19s %-52s %-8s %-26s %-26s %-18s %s%n", "function", "variant", "JIT",
                    "cold ms: median [min-max]", "cold CPU ms (JVM, /proc)", "warm ms", "classpath"));
            for (String function : options.functions()) {
                for (Variant v : options.variants()) {
                    PackageSize p = packages.get(key(function, v));
                    t.append(String.format(Locale.ROOT, "%-19s %-52s %-8s %-26s %-26s %-18s %d jars, %.1f MB%s%n",
                            function, v.label, v.jit(), cold(function, v).format("%,.0f"),
                            coldCpu(function, v).format("%,.0f"), warm(function, v).format("%,.0f"),
                            p.jars(), p.bytes() / 1e6, of(function, v).stream().mapToInt(Sample::warmRoundTrips).max()
                                    .stream().filter(n -> n > 0).mapToObj(n -> ", " + n + " AWS requests warm")
                                    .findFirst().orElse("")));
                }
                for (Variant[] pair : new Variant[][] {{Variant.SPRING, Variant.PLAIN},
                        {Variant.BASELINE, Variant.PLAIN}, {Variant.SPRING, Variant.BASELINE},
                        {Variant.NO_AOT, Variant.PLAIN}, {Variant.SPRING, Variant.NO_AOT},
                        {Variant.NO_AOT, Variant.UNTRACED}, {Variant.SPRING_C2, Variant.PLAIN_C2},
                        {Variant.SPRING_CDS, Variant.PLAIN_CDS}, {Variant.SPRING_CDS, Variant.SPRING},
                        {Variant.SPRING_CDS, Variant.PLAIN}, {Variant.PLAIN_CDS, Variant.PLAIN},
                        {Variant.SPRING_AOT_CACHE, Variant.PLAIN_AOT_CACHE}, {Variant.SPRING_AOT_CACHE, Variant.SPRING},
                        {Variant.PLAIN_AOT_CACHE, Variant.PLAIN}}) {
                    Summary ratio = coldRatio(function, pair[0], pair[1]);
                    if (ratio.count() > 0) {
                        t.append(String.format(Locale.ROOT, "%-19s %-52s %-8s %-26s %s%n", function,
                                "cold ratio " + pair[0].id + " / " + pair[1].id, pair[0].jit(), ratio.format("%.2f"),
                                coldCpuRatio(function, pair[0], pair[1]).format("%.2f")));
                    }
                }
                for (Variant v : List.of(Variant.PRIMED, Variant.BASELINE_PRIMED, Variant.UNPRIMED)) {
                    Summary ratio = firstOverWarm(function, v);
                    if (ratio.count() > 0) {
                        t.append(String.format(Locale.ROOT, "%-19s %-52s %-8s %s   (in the handler, ms: first %s,"
                                        + " warm %s; CPU: ratio %s, first %s, warm %s)%n", function,
                                "first / warm invocation, " + v.id, v.jit(), ratio.format("%.2f"),
                                Summary.of(of(function, v).stream().map(Sample::firstHandledMs).toList()).format("%,.1f"),
                                Summary.of(of(function, v).stream().map(Sample::warmHandledMs).toList()).format("%,.1f"),
                                firstOverWarmCpu(function, v).format("%.2f"),
                                Summary.of(of(function, v).stream().map(Sample::firstHandledCpuMs).toList()).format("%,.1f"),
                                Summary.of(of(function, v).stream().map(Sample::warmHandledCpuMs).toList())
                                        .format("%,.1f")));
                    }
                }
            }
            t.append(String.format(Locale.ROOT, "%nrounds (cold/warm ms, cold CPU ms):%n"));
            for (int round = 1; round <= options.rounds(); round++) {
                int r = round;
                for (String function : options.functions()) {
                    t.append(String.format(Locale.ROOT, "  %2d %-19s", r, function));
                    for (Variant v : options.variants()) {
                        of(function, v).stream().filter(s -> s.round() == r).findFirst().ifPresent(s -> t.append(
                                String.format(Locale.ROOT, "  %s %,.0f/%,.0f (CPU %,.0f)", v.id, millis(s.cold()),
                                        millis(s.warm()), s.coldCpuMs())));
                    }
                    t.append(System.lineSeparator());
                }
            }
            return t.toString();
        }
    }

    static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
