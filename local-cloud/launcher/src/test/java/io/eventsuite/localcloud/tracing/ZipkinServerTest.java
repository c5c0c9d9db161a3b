package io.eventsuite.localcloud.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the local cloud's Zipkin")
class ZipkinServerTest {

    private final List<String> warnings = new ArrayList<>();
    private final String jarBefore = System.getProperty(ZipkinServer.JAR_PROPERTY);
    private final String portBefore = System.getProperty(ZipkinServer.PORT_PROPERTY);

    @AfterEach
    void restore() {
        restore(ZipkinServer.JAR_PROPERTY, jarBefore);
        restore(ZipkinServer.PORT_PROPERTY, portBefore);
    }

    @Test
    void is_not_started_when_no_jar_is_named() {
        System.clearProperty(ZipkinServer.JAR_PROPERTY);

        assertThat(ZipkinServer.startIfConfigured(Path.of("target"), warnings::add)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void is_not_started_on_a_port_in_use_and_says_so() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setProperty(ZipkinServer.JAR_PROPERTY, "zipkin.jar");
            System.setProperty(ZipkinServer.PORT_PROPERTY, Integer.toString(taken.getLocalPort()));

            assertThat(ZipkinServer.startIfConfigured(Path.of("target"), warnings::add)).isEmpty();
        }
        assertThat(warnings).singleElement().asString().contains("is in use");
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
