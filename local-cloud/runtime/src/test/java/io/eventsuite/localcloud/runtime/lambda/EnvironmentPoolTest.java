package io.eventsuite.localcloud.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scaling as Lambda does it, with real child JVMs under the runtime interface client. */
@DisplayName("a function's execution environments")
class EnvironmentPoolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ECHO = EchoHandler.class.getName() + "::handleRequest";

    @Test
    void a_request_that_finds_every_environment_busy_gets_a_new_one_up_to_the_limit() throws Exception {
        try (EnvironmentPool pool = pool(2, Duration.ofMinutes(5))) {
            List<JsonNode> answers = concurrently(pool, 4, "\"nap\"");

            Set<Long> pids = new HashSet<>();
            answers.forEach(a -> pids.add(a.path("pid").asLong()));
            assertThat(pids).as("two environments served the four requests").hasSize(2);
            assertThat(pool.peakEnvironments()).isEqualTo(2);
        }
    }

    @Test
    void warm_environments_are_reused_one_after_the_other() throws Exception {
        try (EnvironmentPool pool = pool(4, Duration.ofMinutes(5))) {
            JsonNode first = invoke(pool, "{}");
            JsonNode second = invoke(pool, "{}");
            JsonNode third = invoke(pool, "{}");

            assertThat(third.path("pid").asLong()).isEqualTo(first.path("pid").asLong());
            assertThat(second.path("invocations").asInt()).isEqualTo(2);
            assertThat(third.path("invocations").asInt()).isEqualTo(3);
            assertThat(pool.environments()).isEqualTo(1);
            assertThat(pool.isWarm()).isTrue();
        }
    }

    @Test
    void idle_environments_are_reaped_and_the_next_request_starts_cold() throws Exception {
        try (EnvironmentPool pool = pool(4, Duration.ofSeconds(1))) {
            long pid = invoke(pool, "{}").path("pid").asLong();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pool.environments() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(pool.environments()).isZero();
            assertThat(pool.isWarm()).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(invoke(pool, "{}").path("invocations").asInt()).isEqualTo(1);
        }
    }

    @Test
    void an_environment_that_dies_is_replaced_and_the_others_keep_serving() throws Exception {
        try (EnvironmentPool pool = pool(2, Duration.ofMinutes(5))) {
            long pid = invoke(pool, "{}").path("pid").asLong();

            try {
                invoke(pool, "\"crash\"");
            } catch (FunctionError expected) {
                assertThat(expected.errorType()).isEqualTo("Runtime.ExitError");
            }
            JsonNode after = invoke(pool, "{}");

            assertThat(after.path("pid").asLong()).isNotEqualTo(pid);
            assertThat(pool.environments()).isEqualTo(1);
        }
    }

    private static EnvironmentPool pool(int maxConcurrency, Duration idleTimeout) {
        FunctionSpec spec = ExecutionEnvironmentTest.spec(ECHO, Duration.ofSeconds(30), Map.of("GREETING", "hi"));
        return new EnvironmentPool(spec, "us-east-1", line -> System.out.println("[pool] " + line),
                new EnvironmentPool.Scaling(maxConcurrency, idleTimeout));
    }

    private static JsonNode invoke(EnvironmentPool pool, String event) throws Exception {
        return JSON.readTree(pool.invoke(event.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<JsonNode> concurrently(EnvironmentPool pool, int requests, String event) throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(clients.submit(() -> invoke(pool, event)));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> f : futures) {
                answers.add(f.get());
            }
            return answers;
        }
    }
}
