package io.eventsuite.platform.metrics;

import io.eventsuite.platform.snapstart.PrimingPhase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Statistic;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the suite's meters as one CloudWatch Embedded Metric Format (EMF) log line when an invocation ends:
 * CloudWatch turns the line into metrics in namespace {@value #NAMESPACE}, dimensioned by {@code service} and
 * {@code function} only (never an id). Meters live in the Micrometer registry (Resilience4j and the outbox register
 * theirs there); {@link EmfMetric} says which are reported and how.
 *
 * <p>A small writer of our own rather than {@code aws-embedded-metrics}: that library brings Jackson 2, javatuples
 * and commons-lang3 onto every cold start and, outside Lambda, defaults to a TCP agent sink; the format is one JSON
 * object (docs/decisions.md).
 */
public final class InvocationMetrics {

    public static final String NAMESPACE = "eventsuite";
    public static final String COLD_STARTS = "eventsuite.invocation.cold.starts";
    public static final String BATCH_ITEM_FAILURES = "eventsuite.sqs.batch.item.failures";
    public static final String IDEMPOTENCY_REPLAYS = "eventsuite.idempotency.replays";
    public static final String RELAY_PUBLISHED = "eventsuite.relay.published";
    public static final String RELAY_STILL_PENDING = "eventsuite.relay.still.pending";
    public static final String RELAY_FAILED = "eventsuite.relay.failed";
    public static final String RELAY_PARKED_NOW = "eventsuite.relay.parked.now";
    /** Relay runs that failed their invocation: the outbox unreadable, or in trouble (RelayReport#inTrouble). */
    public static final String RELAY_RUNS_FAILED = "eventsuite.relay.runs.failed";
    public static final String RELAY_STOPPED_EARLY = "eventsuite.relay.stopped.early";
    public static final String OUTBOX_OLDEST_PENDING_AGE = "eventsuite.outbox.oldest.pending.age";

    /** No metrics (plain unit tests and benchmarks of the layer). */
    public static final InvocationMetrics OFF = new InvocationMetrics(null, "none", line -> { }, Clock.systemUTC());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MeterRegistry registry;
    private final String service;
    private final Consumer<String> out;
    private final Clock clock;
    private final Map<Meter.Id, Double> reported = new ConcurrentHashMap<>();

    /**
     * @param out where the line goes: standard output in Lambda (CloudWatch Logs reads EMF from the function's log)
     */
    public InvocationMetrics(MeterRegistry registry, String service, Consumer<String> out, Clock clock) {
        this.registry = registry;
        this.service = service;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Counts {@code amount} on the counter {@code name} (one of this class's names). A zero registers the counter
     * all the same, so every invocation writes its line (a warm one reports {@code ColdStarts} 0).
     */
    public void count(String name, double amount) {
        if (registry != null) {
            var counter = registry.counter(name);
            if (amount > 0) {
                counter.increment(amount);
            }
        }
    }

    /**
     * Writes the invocation's line; never throws (a metric must not fail an invocation). During SnapStart priming
     * ({@link PrimingPhase}) nothing is written, and what priming counted is not carried into the next line.
     */
    public void flush(String function) {
        if (registry == null) {
            return;
        }
        try {
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, String> units = new LinkedHashMap<>();
            for (Meter meter : registry.getMeters()) {
                EmfMetric.of(meter.getId()).ifPresent(metric -> {
                    double value = metric.gauge() ? value(meter, Statistic.VALUE) : increase(meter);
                    values.merge(metric.metricName(), value, metric.gauge() ? Math::max : Double::sum);
                    units.put(metric.metricName(), metric.unit());
                });
            }
            // What SnapStart priming counted happened to no one: taken in (so the next line starts after it), not written.
            if (!values.isEmpty() && !PrimingPhase.active()) {
                out.accept(line(function == null ? "unknown" : function, values, units));
            }
        } catch (RuntimeException metricsFault) {
            // nothing to do: the invocation's answer matters more than its metrics
        }
    }

    private double increase(Meter meter) {
        double total = value(meter, Statistic.COUNT);
        Double before = reported.put(meter.getId(), total);
        return before == null ? total : Math.max(0, total - before);
    }

    private static double value(Meter meter, Statistic statistic) {
        for (Measurement measurement : meter.measure()) {
            if (measurement.getStatistic() == statistic) {
                double value = measurement.getValue();
                return Double.isFinite(value) ? value : 0;
            }
        }
        return 0;
    }

    private String line(String function, Map<String, Double> values, Map<String, String> units) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("service").add("function");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("service", service);
        root.put("function", function);
        values.forEach((name, value) -> {
            metrics.addObject().put("Name", name).put("Unit", units.get(name));
            root.put(name, value);
        });
        return JSON.writeValueAsString(root);
    }
}
