package io.eventsuite.benchmarks.coldstart;

import io.eventsuite.adapters.dynamodb.DynamoDbOrders;
import io.eventsuite.benchmarks.Summary;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.functions.ArtifactBuilder;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.localcloud.runtime.lambda.ExecutionEnvironment;
import io.eventsuite.localcloud.runtime.lambda.FunctionError;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import io.eventsuite.localcloud.template.SamTemplate;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cold start of {@code GET /orders/{id}}: the real {@code GetOrderFunction} (its artifact and the dependencies layer
 * built by {@code make} as {@code sam build} does, handler {@code FunctionInvoker}, Spring Cloud Function) beside a
 * plain-Java {@link io.eventsuite.benchmarks.coldstart.plain.PlainGetOrderHandler} doing the same work, each in a fresh
 * JVM under the real Lambda runtime interface client ({@link ExecutionEnvironment}), with the function's environment
 * from template.yaml resolved against the local emulators, against the same order in the same table.
 *
 * <p>One run, {@code rounds} rounds (after {@code warmup-rounds} discarded ones, which warm the page cache and the
 * emulators); in each round every variant starts once, in an order that rotates from round to round. Cold = from the
 * first invocation's submission to its answer, which includes starting the JVM, the runtime client, the handler's init
 * (Spring's context, the SDK client) and the first invocation; warm = the second invocation in that environment. The
 * ratio is taken per round (the two ran seconds apart, under the same load) and then summarised.
 *
 * <p>JIT: {@link ExecutionEnvironment} always starts its JVMs with {@code -XX:TieredStopAtLevel=1} (as Lambda's java21
 * runtime does) and {@link FunctionSpec} takes no JVM flags. The {@code *-c2} variants undo it without touching the
 * runtime module: HotSpot applies {@code _JAVA_OPTIONS} after the command line, so {@code -XX:TieredStopAtLevel=4}
 * there restores full tiered compilation (each run checks the JVM reported picking it up).
 *
 * <p>Arguments ({@code name=value}, a leading {@code --} optional): {@code rounds=5}, {@code warmup-rounds=1},
 * {@code variants=spring,plain,spring-c2,plain-c2}.
 */
public final class ColdStartBenchmark {

    static final String FUNCTION = "GetOrderFunction";
    static final String PLAIN_FUNCTION = "PlainGetOrderFunction";
    /** Longer than the template's 15 s, so that a slow moment of a shared machine does not cut a cold start off. */
    static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);
    private static final String FULL_JIT = "-XX:TieredStopAtLevel=4";
    private static final Duration MAKE_TIMEOUT = Duration.ofMinutes(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What is started: which function, and whether the JIT is left at C1 (as in Lambda) or given C2 back. */
    public enum Variant {
        SPRING("spring", "(a) GetOrderFunction: Spring Cloud Function, FunctionInvoker", true, false),
        PLAIN("plain", "(b) plain RequestStreamHandler, same work", false, false),
        SPRING_C2("spring-c2", "(a) GetOrderFunction", true, true),
        PLAIN_C2("plain-c2", "(b) plain RequestStreamHandler", false, true);

        final String id;
        final String label;
        final boolean spring;
        final boolean fullJit;

        Variant(String id, String label, boolean spring, boolean fullJit) {
            this.id = id;
            this.label = label;
            this.spring = spring;
            this.fullJit = fullJit;
        }

        String jit() {
            return fullJit ? "C1+C2" : "C1 only";
        }

        static Variant of(String id) {
            return Arrays.stream(values()).filter(v -> v.id.equals(id.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown variant " + id + "; known: "
                            + Arrays.stream(values()).map(v -> v.id).toList()));
        }
    }

    public record Options(int rounds, int warmupRounds, List<Variant> variants) {

        public static final Options DEFAULT = new Options(5, 1, List.of(Variant.values()));

        public Options {
            if (rounds < 1 || warmupRounds < 0 || variants.isEmpty()) {
                throw new IllegalArgumentException("rounds >= 1, warmup-rounds >= 0 and at least one variant");
            }
            variants = List.copyOf(variants);
        }

        public static Options parse(String... args) {
            int rounds = DEFAULT.rounds;
            int warmup = DEFAULT.warmupRounds;
            List<Variant> variants = DEFAULT.variants;
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
                    default -> throw new IllegalArgumentException("unknown argument " + arg
                            + "; use rounds=N warmup-rounds=N variants=spring,plain,spring-c2,plain-c2");
                }
            }
            return new Options(rounds, warmup, variants);
        }
    }

    /** One environment's two invocations, and the body of its first answer. */
    public record Sample(Variant variant, int round, Duration cold, Duration warm, String firstBody) {
    }

    /** What a variant's JVM gets on its classpath (before the runtime's own jars): files, bytes, jars. */
    record PackageSize(int jars, long bytes) {
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
        SamTemplate.Function function = template.function(FUNCTION);

        Map<Variant, List<Path>> classpaths = new LinkedHashMap<>();
        Map<Variant, PackageSize> packages = new LinkedHashMap<>();
        if (options.variants().stream().anyMatch(v -> v.spring)) {
            Map<String, Path> layers = new LinkedHashMap<>();
            for (String layer : function.layers()) {
                layers.put(layer, make(root, layer, out.resolve(layer), progress));
            }
            Path artifact = make(root, FUNCTION, out.resolve(FUNCTION), progress);
            List<Path> classpath = new ArtifactBuilder.Artifacts(layers, Map.of(FUNCTION, artifact), Duration.ZERO)
                    .classpath(function);
            long bytes = PlainPackage.bytes(List.of(artifact)) + PlainPackage.bytes(List.copyOf(layers.values()));
            options.variants().stream().filter(v -> v.spring).forEach(v -> {
                classpaths.put(v, classpath);
                packages.put(v, new PackageSize(jarCount(classpath), bytes));
            });
        }
        if (options.variants().stream().anyMatch(v -> !v.spring)) {
            Path dir = out.resolve(PLAIN_FUNCTION);
            List<Path> classpath = PlainPackage.build(dir);
            progress.accept(String.format("packaged %-28s %d jars", PLAIN_FUNCTION, jarCount(classpath)));
            options.variants().stream().filter(v -> !v.spring).forEach(v -> {
                classpaths.put(v, classpath);
                packages.put(v, new PackageSize(jarCount(classpath), PlainPackage.bytes(List.of(dir))));
            });
        }

        List<String> warnings = new CopyOnWriteArrayList<>();
        List<Sample> samples = new ArrayList<>();
        try (LocalEmulators emulators = LocalEmulators.start();
             Provisioner provisioner = new Provisioner(emulators, warnings::add)) {
            ProvisionedStack stack = provisioner.provision(template);
            warnings.clear();
            Map<String, String> environment = stack.functionEnvironment(function);
            if (!warnings.isEmpty()) {
                throw new IllegalStateException(FUNCTION + ": its environment does not resolve locally: " + warnings);
            }
            Order order = seedOrder(provisioner, stack);
            String event = ApiGatewayV2Events.request("GET", "/orders/{id}", "/orders/" + order.id().value())
                    .pathParameter("id", order.id().value()).as(order.customerId().value()).toJson();
            progress.accept("order " + order.id().value() + " of " + order.customerId().value() + " in table "
                    + stack.tableNames().get("OrdersTable") + "; emulators up");

            int total = options.warmupRounds() + options.rounds();
            Set<Variant> shown = EnumSet.noneOf(Variant.class);
            for (int r = 0; r < total; r++) {
                int round = r - options.warmupRounds() + 1;
                List<Variant> inThisRound = rotate(options.variants(), r);
                for (Variant variant : inThisRound) {
                    FunctionSpec spec = spec(variant, function, classpaths.get(variant), environment);
                    Sample sample = measure(spec, variant, round, event, order.id().value(), emulators.region());
                    progress.accept(String.format(Locale.ROOT, "%s %-10s cold %,7.0f ms  warm %,5.0f ms",
                            round < 1 ? "warm-up " + (r + 1) : "round " + round + "  ", variant.id,
                            millis(sample.cold()), millis(sample.warm())));
                    if (shown.add(variant)) {
                        progress.accept("  its answer's body: " + sample.firstBody());
                    }
                    if (round >= 1) {
                        samples.add(sample);
                    }
                }
            }
        }
        return new Result(options, samples, packages);
    }

    private static FunctionSpec spec(Variant variant, SamTemplate.Function function, List<Path> classpath,
            Map<String, String> templateEnvironment) {
        // Both get the function's environment from the template (so the same JAVA_TOOL_OPTIONS): the plain handler
        // reads only ORDERS_TABLE, AWS_REGION, the credentials and the DynamoDB endpoint of it.
        Map<String, String> environment = new LinkedHashMap<>(templateEnvironment);
        if (variant.fullJit) {
            environment.put("_JAVA_OPTIONS", FULL_JIT);
        }
        return new FunctionSpec(variant.spring ? FUNCTION : PLAIN_FUNCTION,
                variant.spring ? function.handler() : PlainPackage.HANDLER, classpath, environment,
                function.memoryMb(), INVOCATION_TIMEOUT);
    }

    private static Sample measure(FunctionSpec spec, Variant variant, int round, String event, String orderId,
            String region) {
        List<String> log = new CopyOnWriteArrayList<>();
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        try (ExecutionEnvironment environment = new ExecutionEnvironment(spec, region, log::add)) {
            long start = System.nanoTime();
            byte[] first = environment.invoke(bytes);
            long cold = System.nanoTime() - start;
            String body = check(variant, first, orderId, log);
            start = System.nanoTime();
            byte[] second = environment.invoke(bytes);
            long warm = System.nanoTime() - start;
            check(variant, second, orderId, log);
            if (variant.fullJit && log.stream().noneMatch(l -> l.contains("Picked up _JAVA_OPTIONS: " + FULL_JIT))) {
                throw new IllegalStateException(variant.id + ": the JVM did not report picking up _JAVA_OPTIONS="
                        + FULL_JIT + "; its log:\n" + String.join("\n", log));
            }
            return new Sample(variant, round, Duration.ofNanos(cold), Duration.ofNanos(warm), body);
        } catch (FunctionError error) {
            throw new IllegalStateException(variant.id + " answered " + error.errorType() + ": "
                    + error.errorDocument() + "\nits log:\n" + String.join("\n", log));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    /** A measurement only counts when the function did the work: 200 with the order. Answers the body. */
    private static String check(Variant variant, byte[] answer, String orderId, List<String> log) {
        String text = new String(answer, StandardCharsets.UTF_8);
        JsonNode response = JSON.readTree(text);
        JsonNode body = response.path("body").isString() ? JSON.readTree(response.path("body").asString()) : null;
        if (response.path("statusCode").asInt() != 200 || body == null || !orderId.equals(body.path("id").asString())) {
            throw new IllegalStateException(variant.id + " did not answer 200 with order " + orderId + ": " + text
                    + "\nits log:\n" + String.join("\n", log));
        }
        return response.path("body").asString();
    }

    /** The order both variants read, written by order-service's own repository (no pending events). */
    private static Order seedOrder(Provisioner provisioner, ProvisionedStack stack) {
        byte[] cursorKey = new byte[32];
        new SecureRandom().nextBytes(cursorKey);
        DynamoDbOrders orders = new DynamoDbOrders(provisioner.dynamo(), stack.tableNames().get("OrdersTable"),
                new CloudEventCodec(StrictJson.create().mapper()), cursorKey);
        Order order = Order.place(new OrderId(UUID.randomUUID().toString()),
                new UserId("bench-" + UUID.randomUUID().toString().substring(0, 8)),
                List.of(new OrderLine("BOOK-1", 2, new Money(1250, "EUR")),
                        new OrderLine("PEN-7", 1, new Money(199, "EUR"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        orders.add(order, List.of());
        return order;
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
    public record Result(Options options, List<Sample> samples, Map<Variant, PackageSize> packages) {

        public List<Sample> of(Variant variant) {
            return samples.stream().filter(s -> s.variant() == variant).toList();
        }

        public Summary cold(Variant variant) {
            return Summary.of(of(variant).stream().map(s -> millis(s.cold())).toList());
        }

        public Summary warm(Variant variant) {
            return Summary.of(of(variant).stream().map(s -> millis(s.warm())).toList());
        }

        /** Cold (a)/(b) of each round, summarised; empty when the run lacks one of the two. */
        public Summary coldRatio(Variant spring, Variant plain) {
            List<Double> ratios = new ArrayList<>();
            for (Sample a : of(spring)) {
                of(plain).stream().filter(b -> b.round() == a.round()).findFirst()
                        .ifPresent(b -> ratios.add(millis(a.cold()) / millis(b.cold())));
            }
            return Summary.of(ratios);
        }

        public String table() {
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "Cold start of GET /orders/{id}, fresh JVM per start under the Lambda"
                            + " runtime interface client; %d rounds after %d discarded, variants alternating.%n"
                            + "JDK %s on %s, %d cores seen; figures, not assertions (shared, noisy machine).%n%n",
                    options.rounds(), options.warmupRounds(), System.getProperty("java.version"),
                    System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors()));
            t.append(String.format(Locale.ROOT, "%-62s %-8s %-26s %-20s %s%n", "variant", "JIT",
                    "cold ms: median [min-max]", "warm ms", "classpath"));
            for (Variant v : options.variants()) {
                PackageSize p = packages.get(v);
                t.append(String.format(Locale.ROOT, "%-62s %-8s %-26s %-20s %d jars, %.1f MB%n", v.label, v.jit(),
                        cold(v).format("%,.0f"), warm(v).format("%,.0f"), p.jars(), p.bytes() / 1e6));
            }
            for (Variant[] pair : new Variant[][] {{Variant.SPRING, Variant.PLAIN},
                    {Variant.SPRING_C2, Variant.PLAIN_C2}}) {
                Summary ratio = coldRatio(pair[0], pair[1]);
                if (ratio.count() > 0) {
                    t.append(String.format(Locale.ROOT, "%-62s %-8s %s%n", "cold ratio (a)/(b), per round",
                            pair[0].jit(), ratio.format("%.2f")));
                }
            }
            t.append(String.format(Locale.ROOT, "%nrounds (cold/warm ms):%n"));
            for (int round = 1; round <= options.rounds(); round++) {
                int r = round;
                t.append(String.format(Locale.ROOT, "  %2d", r));
                for (Variant v : options.variants()) {
                    of(v).stream().filter(s -> s.round() == r).findFirst().ifPresent(s -> t.append(String.format(
                            Locale.ROOT, "  %s %,.0f/%,.0f", v.id, millis(s.cold()), millis(s.warm()))));
                }
                t.append(System.lineSeparator());
            }
            return t.toString();
        }

    }

    static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
