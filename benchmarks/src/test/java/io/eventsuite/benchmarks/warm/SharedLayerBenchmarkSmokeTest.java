package io.eventsuite.benchmarks.warm;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.benchmarks.warm.WarmOverheadBenchmarks.Row;
import io.eventsuite.benchmarks.warm.WarmOverheadBenchmarks.Settings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every JMH benchmark of the shared layer still runs (and its setup's sanity checks pass): in this JVM (no fork), no
 * warm-up, one iteration of 50 ms each. The numbers are printed, never asserted.
 */
class SharedLayerBenchmarkSmokeTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyBenchmarkRuns() throws Exception {
        Settings settings = new Settings(List.of("c1"), ".*", 0, 0, 1, 50, VerboseMode.SILENT);
        List<Row> rows = WarmOverheadBenchmarks.run(settings);
        System.out.println(WarmOverheadBenchmarks.table(rows, settings));

        assertThat(rows).extracting(r -> r.benchmark() + " " + r.params()).containsExactlyInAnyOrder(
                "httpRoute logs=off", "httpRoute logs=json", "httpDirect ", "httpParseThenDirect ",
                "sqsBatch logs=off", "sqsBatch logs=json", "sqsBatchRedelivered logs=off",
                "sqsBatchRedelivered logs=json", "sqsDecodeOnly ", "placeOrderShapedRoute telemetry=off",
                "placeOrderShapedRoute telemetry=on", "sendNotificationsShapedRecord telemetry=off",
                "sendNotificationsShapedRecord telemetry=on");
    }
}
