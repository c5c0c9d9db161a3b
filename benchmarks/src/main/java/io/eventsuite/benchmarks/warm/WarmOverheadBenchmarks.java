package io.eventsuite.benchmarks.warm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link SharedLayerBenchmark} with JMH and prints ns/op per benchmark, once per JIT setting.
 *
 * <p>Settings (small on purpose, for a shared 2-core machine; the spread JMH prints says how far to trust them): one
 * fork per benchmark and parameter, 2 warm-up iterations of 1 s, 3 measured iterations of 1 s, average time. The forked
 * JVM gets what a 1024 MB function's JVM gets from the local runtime ({@code -Xmx870m -XX:+UseSerialGC}); {@code c1}
 * adds {@code -XX:TieredStopAtLevel=1} as Lambda's java21 runtime and the template do, {@code c2} leaves full tiered
 * compilation on.
 *
 * <p>Arguments ({@code name=value}, a leading {@code --} optional): {@code jit=c1,c2}, {@code include=<regex of
 * method names>}, {@code forks=1}, {@code warmup=2}, {@code iterations=3}, {@code time-ms=1000}.
 */
public final class WarmOverheadBenchmarks {

    /** How JMH is run. */
    public record Settings(List<String> jits, String include, int forks, int warmupIterations, int iterations,
            long iterationMillis, VerboseMode verbosity) {

        public static final Settings DEFAULT = new Settings(List.of("c1", "c2"), ".*", 1, 2, 3, 1000,
                VerboseMode.NORMAL);

        public static Settings parse(String... args) {
            Settings s = DEFAULT;
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                String v = kv.length == 2 ? kv[1] : "";
                s = switch (kv[0]) {
                    case "jit" -> new Settings(Arrays.stream(v.split(",")).map(String::strip).toList(), s.include,
                            s.forks, s.warmupIterations, s.iterations, s.iterationMillis, s.verbosity);
                    case "include" -> new Settings(s.jits, v, s.forks, s.warmupIterations, s.iterations,
                            s.iterationMillis, s.verbosity);
                    case "forks" -> new Settings(s.jits, s.include, Integer.parseInt(v), s.warmupIterations,
                            s.iterations, s.iterationMillis, s.verbosity);
                    case "warmup" -> new Settings(s.jits, s.include, s.forks, Integer.parseInt(v), s.iterations,
                            s.iterationMillis, s.verbosity);
                    case "iterations" -> new Settings(s.jits, s.include, s.forks, s.warmupIterations,
                            Integer.parseInt(v), s.iterationMillis, s.verbosity);
                    case "time-ms" -> new Settings(s.jits, s.include, s.forks, s.warmupIterations, s.iterations,
                            Long.parseLong(v), s.verbosity);
                    default -> throw new IllegalArgumentException("unknown argument " + arg + "; use jit=c1,c2"
                            + " include=<regex> forks=1 warmup=2 iterations=3 time-ms=1000");
                };
            }
            return s;
        }
    }

    /** One benchmark (with its parameters) under one JIT setting. */
    public record Row(String benchmark, String params, String jit, double score, double error, String unit) {
    }

    public static void main(String[] args) throws RunnerException {
        Settings settings = Settings.parse(args);
        List<Row> rows = run(settings);
        System.out.println();
        System.out.println(table(rows, settings));
    }

    public static List<Row> run(Settings settings) throws RunnerException {
        List<Row> rows = new ArrayList<>();
        for (String jit : settings.jits()) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(SharedLayerBenchmark.class.getName() + "\\." + settings.include() + "$")
                    .forks(settings.forks())
                    .warmupIterations(settings.warmupIterations())
                    .warmupTime(TimeValue.milliseconds(settings.iterationMillis()))
                    .measurementIterations(settings.iterations())
                    .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                    .shouldFailOnError(true)
                    .verbosity(settings.verbosity());
            List<String> jvmArgs = new ArrayList<>(List.of("-Xmx870m", "-XX:+UseSerialGC"));
            switch (jit) {
                case "c1" -> jvmArgs.add("-XX:TieredStopAtLevel=1");
                case "c2" -> { }
                default -> throw new IllegalArgumentException("jit " + jit + ": use c1 or c2");
            }
            options.jvmArgs(jvmArgs.toArray(String[]::new));
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult result : results) {
                var params = result.getParams();
                StringBuilder p = new StringBuilder();
                for (String key : params.getParamsKeys()) {
                    p.append(p.isEmpty() ? "" : ",").append(key).append('=').append(params.getParam(key));
                }
                String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
                var primary = result.getPrimaryResult();
                rows.add(new Row(name, p.toString(), jit, primary.getScore(), primary.getScoreError(),
                        primary.getScoreUnit()));
            }
        }
        return rows;
    }

    /** ns/op per benchmark and JIT, then the differences that are the layer's overhead. */
    public static String table(List<Row> rows, Settings settings) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Shared layer, warm, per invocation (JMH %s, forks %d, warm-up %dx%d ms,"
                        + " measurement %dx%d ms, average time; JDK %s %s; noisy shared machine).%n",
                org.openjdk.jmh.util.Utils.class.getPackage().getImplementationVersion() == null ? "1.37"
                        : org.openjdk.jmh.util.Utils.class.getPackage().getImplementationVersion(),
                settings.forks(), settings.warmupIterations(), settings.iterationMillis(), settings.iterations(),
                settings.iterationMillis(), System.getProperty("java.version"), System.getProperty("os.arch")));
        Map<String, Map<String, Row>> byBenchmark = new LinkedHashMap<>();
        for (Row row : rows) {
            String key = row.benchmark() + (row.params().isEmpty() ? "" : " (" + row.params() + ")");
            byBenchmark.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(row.jit(), row);
        }
        t.append(String.format(Locale.ROOT, "%-38s", "benchmark"));
        for (String jit : settings.jits()) {
            t.append(String.format(Locale.ROOT, " %24s", jit + " ns/op (+-99.9%)"));
        }
        t.append(System.lineSeparator());
        byBenchmark.forEach((name, byJit) -> {
            t.append(String.format(Locale.ROOT, "%-38s", name));
            for (String jit : settings.jits()) {
                Row r = byJit.get(jit);
                t.append(String.format(Locale.ROOT, " %24s", r == null ? "-"
                        : String.format(Locale.ROOT, "%,.0f +- %,.0f", r.score(), Double.isNaN(r.error()) ? 0 : r.error())));
            }
            t.append(System.lineSeparator());
        });
        t.append("derived: differences of the scores above (their error bars apply):").append(System.lineSeparator());
        for (String jit : settings.jits()) {
            for (String logs : List.of(LogOutput.OFF, LogOutput.JSON)) {
                difference(rows, jit, "httpRoute", "logs=" + logs, "httpDirect").ifPresent(d -> t.append(
                        String.format(Locale.ROOT, "  %s logs=%-4s HTTP route adapter: %,.0f ns/invocation over the"
                                + " direct answer", jit, logs, d)).append(System.lineSeparator()));
                difference(rows, jit, "httpRoute", "logs=" + logs, "httpParseThenDirect").ifPresent(d -> t.append(
                        String.format(Locale.ROOT, "  %s logs=%-4s   of which beyond parsing the event: %,.0f ns",
                                jit, logs, d)).append(System.lineSeparator()));
                difference(rows, jit, "sqsBatch", "logs=" + logs, "sqsDecodeOnly").ifPresent(d -> t.append(
                        String.format(Locale.ROOT, "  %s logs=%-4s SQS batch consumer: %,.0f ns/batch of 10 (%,.0f"
                                + " ns/record) over decoding and calling the handler", jit, logs, d, d / 10))
                        .append(System.lineSeparator()));
            }
        }
        for (String jit : settings.jits()) {
            for (String shaped : List.of("placeOrderShapedRoute", "sendNotificationsShapedRecord")) {
                telemetryCost(rows, jit, shaped).ifPresent(d -> t.append(String.format(Locale.ROOT,
                        "  %s %s: tracing and metrics on cost %,.0f ns (%.3f ms) per invocation over off", jit, shaped,
                        d, d / 1e6)).append(System.lineSeparator()));
            }
        }
        return t.toString();
    }

    /** Telemetry on minus off, for one benchmark and JIT. */
    private static Optional<Double> telemetryCost(List<Row> rows, String jit, String benchmark) {
        Optional<Row> on = rows.stream().filter(r -> r.jit().equals(jit) && r.benchmark().equals(benchmark)
                && r.params().equals("telemetry=on")).findFirst();
        Optional<Row> off = rows.stream().filter(r -> r.jit().equals(jit) && r.benchmark().equals(benchmark)
                && r.params().equals("telemetry=off")).findFirst();
        return on.isPresent() && off.isPresent() ? Optional.of(on.get().score() - off.get().score()) : Optional.empty();
    }

    private static Optional<Double> difference(List<Row> rows, String jit, String layer, String params,
            String baseline) {
        Optional<Row> a = rows.stream().filter(r -> r.jit().equals(jit) && r.benchmark().equals(layer)
                && r.params().equals(params)).findFirst();
        Optional<Row> b = rows.stream().filter(r -> r.jit().equals(jit) && r.benchmark().equals(baseline)).findFirst();
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().score() - b.get().score()) : Optional.empty();
    }
}
