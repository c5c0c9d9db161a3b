package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.localcloud.faults.FaultKind;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The launcher's options, from the project root (where template.yaml is). */
@DisplayName("the launcher's command line")
class CommandLineTest {

    private static final String PROJECT = "--project-dir=" + System.getProperty("eventsuite.project.dir", "../..");

    @Test
    void faults_are_off_and_functions_scale_to_four_environments_by_default() {
        LocalCloud.Options options = CommandLine.parse(new String[] {PROJECT});

        assertThat(options.faults().isOn()).isFalse();
        assertThat(options.maxConcurrency()).isEqualTo(4);
        assertThat(options.initTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_fault_switch_takes_each_kind_with_its_rate() {
        LocalCloud.Options options = CommandLine.parse(new String[] {PROJECT,
                "--faults=sns:0.1,dynamodb:0.05,crash:0.02,duplicate:0.1", "--max-concurrency=8", "--init-timeout=30"});

        assertThat(options.faults().rate(FaultKind.DYNAMODB)).isEqualTo(0.05);
        assertThat(options.faults().rate(FaultKind.DUPLICATE)).isEqualTo(0.1);
        assertThat(options.maxConcurrency()).isEqualTo(8);
        assertThat(options.initTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void an_unknown_fault_or_a_rate_outside_zero_to_one_stops_the_launcher_with_a_clear_message() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {PROJECT, "--faults=sns:0.1,latency:0.2"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--faults: unknown fault \"latency\"; the faults are sns, dynamodb, crash, duplicate");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {PROJECT, "--faults=crash:1.5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--faults: the rate of crash must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {PROJECT, "--max-concurrency=0"}))
                .hasMessageContaining("--max-concurrency takes a whole number of at least 1");
    }
}
