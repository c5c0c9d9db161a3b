package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code local-cloud/run --aws-endpoint=URL} when nothing answers there: the launcher, as its own process, says which
 * endpoint and exits non-zero before it starts anything (no emulator, no build).
 */
@DisplayName("an endpoint of the user's that does not answer")
class UnansweredEndpointTest {

    @Test
    void stops_the_launcher_with_a_message_naming_the_endpoint_and_exit_code_1_before_anything_starts()
            throws Exception {
        String endpoint = "http://127.0.0.1:" + closedPort();
        Path project = Path.of(System.getProperty("eventsuite.project.dir", "../..")).toAbsolutePath().normalize();
        Path work = Path.of("target", "unanswered-endpoint").toAbsolutePath();
        ProcessBuilder launcher = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalCloud.class.getName(),
                "--project-dir=" + project, "--work-dir=" + work, "--env-json=" + work.resolve("env.json"),
                "--aws-endpoint=" + endpoint, "--region=us-east-1"));
        // Credentials from the environment, as a LocalStack user has them (no lookup of a profile or instance role).
        launcher.environment().put("AWS_ACCESS_KEY_ID", "test");
        launcher.environment().put("AWS_SECRET_ACCESS_KEY", "test");

        Process process = launcher.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher stops by itself").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(out + err).isEqualTo(1);
        assertThat(err.lines().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith(
                "The local cloud could not start: the DynamoDB endpoint " + endpoint + " does not answer (")
                .endsWith("): start it, or point --dynamodb-endpoint / --aws-endpoint at one that runs"));
        assertThat(out).as("nothing was started").isEmpty();
        assertThat(err).doesNotContain("\tat ");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
