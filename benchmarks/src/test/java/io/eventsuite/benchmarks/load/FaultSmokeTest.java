package io.eventsuite.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.LocalCloud;
import io.eventsuite.localcloud.faults.FaultPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI smoke run: the whole local cloud with every fault switched on, a few users for half a minute, and the
 * driver's checks. It fails on any lost or doubled effect; the driver's other findings are printed. How fast it
 * went is printed, never asserted.
 */
class FaultSmokeTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void with_every_fault_on_nothing_is_lost_or_doubled() throws Exception {
        Path project = Path.of(System.getProperty("eventsuite.project.dir", "..")).toAbsolutePath().normalize();
        Path target = Path.of("target").toAbsolutePath();
        FaultPlan faults = FaultPlan.parse("sns:0.1,dynamodb:0.05,crash:0.05,duplicate:0.2");
        LocalCloud.Options options = new LocalCloud.Options(project, null, null, 0, 0, 0, 0,
                target.resolve("fault-smoke-artifacts"), target.resolve("fault-smoke-env.json"), true, false, false,
                Map.of(), System.out, 2, Duration.ofSeconds(60), faults);
        try (LocalCloud cloud = LocalCloud.start(options)) {
            LoadOptions load = new LoadOptions(4, 4, Duration.ofSeconds(30), Duration.ofSeconds(90),
                    Duration.ofSeconds(20), cloud.apiEndpoint().getPort(), cloud.emulators().sqs().endpoint().getPort(),
                    cloud.emulators().dynamodb().endpoint().getPort(), LoadOptions.newRunId());

            LoadDriver.Result result = LoadDriver.run(load, System.out, Optional.of(ProcessHandle.current()));

            assertThat(result.ordersAcknowledged()).as("orders acknowledged").isPositive();
            assertThat(result.lost()).as("lost effects").isZero();
            assertThat(result.doubled()).as("doubled effects").isZero();
            // Other findings (a DLQ message, personal data left behind, an email after a deletion) are printed;
            // this smoke run gates on lost and doubled effects only.
        }
    }
}
