package io.eventsuite.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The driver's bad input: no local cloud to talk to, or arguments it does not know. */
class LoadDriverUnreachableTest {

    @Test
    void a_driver_that_cannot_reach_the_local_cloud_says_so_and_exits_2() throws Exception {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        LoadDriver.Result result = LoadDriver.run(LoadOptions.parse(new String[] {"api-port=" + nothingListens}),
                new PrintStream(printed, true, StandardCharsets.UTF_8), Optional.empty());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Cannot reach the local cloud: nothing answers at http://127.0.0.1:" + nothingListens)
                .contains("local-cloud/run");
    }

    @Test
    void unknown_options_and_unbounded_runs_are_refused() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"host=example.com"}))
                .hasMessageContaining("unknown option host");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"users=0"})).hasMessageContaining("users must be");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"max-seconds=100000"}))
                .hasMessageContaining("at most 1800");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"close-wait-seconds=-1"}))
                .hasMessageContaining("close-wait-seconds must be 0 to 600");
        assertThat(LoadOptions.parse(new String[] {"close-wait-seconds=0"}).closeWait()).isZero();
    }
}
