package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.eventsuite.localcloud.aws.AwsService;
import io.eventsuite.localcloud.faults.FaultKind;
import java.net.URI;
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

    @Test
    void every_service_runs_on_its_embedded_emulator_unless_an_endpoint_is_given() {
        LocalCloud.Options options = CommandLine.parse(new String[] {PROJECT});

        assertThat(options.aws().any()).isFalse();
        assertThat(options.aws().namePrefix()).isEmpty();
    }

    @Test
    void aws_endpoint_points_every_service_at_one_endpoint_and_a_service_option_overrides_it() {
        LocalCloud.Options options = CommandLine.parse(new String[] {PROJECT, "--aws-endpoint=http://localhost:4566",
                "--dynamodb-endpoint=http://127.0.0.1:8000", "--name-prefix=dev-alice-", "--region=eu-west-1"});

        assertThat(options.aws().endpoints()).containsExactly(
                entry(AwsService.DYNAMODB, URI.create("http://127.0.0.1:8000")),
                entry(AwsService.SNS, URI.create("http://localhost:4566")),
                entry(AwsService.SQS, URI.create("http://localhost:4566")));
        assertThat(options.aws().namePrefix()).isEqualTo("dev-alice-");
        assertThat(options.region()).isEqualTo("eu-west-1");
    }

    @Test
    void a_service_endpoint_alone_moves_only_that_service() {
        LocalCloud.Options options = CommandLine.parse(new String[] {PROJECT, "--sqs-endpoint=http://localhost:9324"});

        assertThat(options.aws().endpoints()).containsExactly(entry(AwsService.SQS, URI.create("http://localhost:9324")));
    }

    @Test
    void an_endpoint_that_is_no_url_an_sns_without_its_sqs_or_a_bad_prefix_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {PROJECT, "--aws-endpoint=localhost:4566"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--aws-endpoint takes an http(s) URL such as http://localhost:4566, got localhost:4566");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {PROJECT, "--sns-endpoint=http://localhost:4566"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sns-endpoint needs --sqs-endpoint too: an SNS elsewhere cannot deliver to the "
                        + "embedded ElasticMQ (give --aws-endpoint for both)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {PROJECT, "--aws-endpoint=http://localhost:4566",
                "--name-prefix=dev.alice"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--name-prefix takes letters, digits, '-' and '_' only (a table, topic and queue name "
                        + "must accept it), got \"dev.alice\"");
    }
}
