package io.eventsuite.localcloud.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.localcloud.faults.FaultKind;
import io.eventsuite.localcloud.faults.FaultPlan;
import io.eventsuite.localcloud.faults.Faults;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real child JVMs under the real runtime interface client, fed through our Runtime API. */
@DisplayName("execution environment under the runtime interface client")
class ExecutionEnvironmentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String> logs = new CopyOnWriteArrayList<>();

    @Test
    void a_handler_runs_with_lambdas_context_and_only_its_own_environment_and_stays_warm() throws Exception {
        try (ExecutionEnvironment env = environment(EchoHandler.class.getName() + "::handleRequest", Duration.ofSeconds(20))) {
            JsonNode first = JSON.readTree(env.invoke("{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
            JsonNode second = JSON.readTree(env.invoke("{\"n\":2}".getBytes(StandardCharsets.UTF_8)));

            assertThat(first.path("event").path("n").asInt()).isEqualTo(1);
            assertThat(first.path("function").asString()).isEqualTo("echo");
            assertThat(first.path("greeting").asString()).isEqualTo("hello");
            assertThat(first.path("home").asString()).isEqualTo("null");
            assertThat(first.path("remainingMs").asLong()).isBetween(1L, 20_000L);
            assertThat(second.path("invocations").asInt()).as("the second invocation reuses the JVM").isEqualTo(2);
            assertThat(second.path("requestId").asString()).isNotEqualTo(first.path("requestId").asString());
            assertThat(env.isWarm()).isTrue();
            assertThat(logs).anyMatch(line -> line.contains("handling " + first.path("requestId").asString()));
        }
    }

    @Test
    void a_handler_that_throws_is_a_function_error_and_the_environment_survives() throws Exception {
        try (ExecutionEnvironment env = environment(EchoHandler.class.getName() + "::handleRequest", Duration.ofSeconds(20))) {
            assertThatThrownBy(() -> env.invoke("\"fail\"".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FunctionError.class)
                    .hasMessageContaining("asked to fail");

            assertThat(JSON.readTree(env.invoke("{}".getBytes(StandardCharsets.UTF_8))).path("invocations").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void a_missing_handler_class_is_an_init_error() {
        try (ExecutionEnvironment env = environment("com.example.NoSuchHandler::handleRequest", Duration.ofSeconds(20))) {
            assertThatThrownBy(() -> env.invoke("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FunctionError.class)
                    .hasMessageContaining("NoSuchHandler");
        }
    }

    @Test
    void an_invocation_past_the_timeout_is_cut_off_and_the_next_one_gets_a_fresh_environment() throws Exception {
        try (ExecutionEnvironment env = environment(EchoHandler.class.getName() + "::handleRequest", Duration.ofSeconds(4))) {
            env.invoke("{}".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> env.invoke("\"sleep\"".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FunctionError.class)
                    .hasMessageContaining("timed out");
            JsonNode after = JSON.readTree(env.invoke("{}".getBytes(StandardCharsets.UTF_8)));

            assertThat(after.path("invocations").asInt()).as("a new JVM counts from one").isEqualTo(1);
        }
    }

    @Test
    void initialization_has_its_own_timeout_apart_from_the_functions() throws Exception {
        // Init takes 3 s, the function may run 2 s: as in Lambda, the invocation's clock starts after init.
        FunctionSpec spec = spec(SlowInitHandler.class.getName() + "::handleRequest", Duration.ofSeconds(2),
                Map.of("INIT_SLEEP_MS", "3000")).withInitTimeout(Duration.ofSeconds(20));
        try (ExecutionEnvironment env = new ExecutionEnvironment(spec, "us-east-1", logs::add)) {
            JsonNode answer = JSON.readTree(env.invoke("{}".getBytes(StandardCharsets.UTF_8)));

            assertThat(answer.path("initialized").asBoolean()).isTrue();
        }
    }

    @Test
    void an_init_past_the_init_timeout_goes_on_under_the_functions_timeout_as_in_lambda() throws Exception {
        FunctionSpec spec = spec(SlowInitHandler.class.getName() + "::handleRequest", Duration.ofSeconds(20),
                Map.of("INIT_SLEEP_MS", "4000")).withInitTimeout(Duration.ofSeconds(1));
        try (ExecutionEnvironment env = new ExecutionEnvironment(spec, "us-east-1", logs::add)) {
            JsonNode answer = JSON.readTree(env.invoke("{}".getBytes(StandardCharsets.UTF_8)));

            assertThat(answer.path("initialized").asBoolean()).isTrue();
            assertThat(logs).anyMatch(line -> line.contains("Phase: init Status: timeout"));
        }
    }

    @Test
    void an_init_past_both_limits_fails_the_invocation_long_before_the_init_would_end() {
        FunctionSpec spec = spec(SlowInitHandler.class.getName() + "::handleRequest", Duration.ofSeconds(3),
                Map.of("INIT_SLEEP_MS", "60000")).withInitTimeout(Duration.ofSeconds(2));
        try (ExecutionEnvironment env = new ExecutionEnvironment(spec, "us-east-1", logs::add)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> env.invoke("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(FunctionError.class, e -> {
                        assertThat(e.errorType()).isEqualTo("Sandbox.Timedout");
                        assertThat(e.errorDocument()).contains("INIT");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(env.isWarm()).isFalse();
        }
    }

    @Test
    void an_environment_that_dies_mid_invocation_answers_with_lambdas_error_shape_and_is_replaced() throws Exception {
        try (ExecutionEnvironment env = environment(EchoHandler.class.getName() + "::handleRequest", Duration.ofSeconds(20))) {
            long firstPid = JSON.readTree(env.invoke("{}".getBytes(StandardCharsets.UTF_8))).path("pid").asLong();

            assertThatThrownBy(() -> env.invoke("\"crash\"".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(FunctionError.class, e -> {
                        assertThat(e.errorType()).isEqualTo("Runtime.ExitError");
                        JsonNode document = JSON.readTree(e.errorDocument());
                        assertThat(document.path("errorType").asString()).isEqualTo("Runtime.ExitError");
                        assertThat(document.path("errorMessage").asString())
                                .startsWith("RequestId: ").contains("Error: Runtime exited");
                    });
            JsonNode after = JSON.readTree(env.invoke("{}".getBytes(StandardCharsets.UTF_8)));

            assertThat(after.path("pid").asLong()).isNotEqualTo(firstPid);
            assertThat(after.path("invocations").asInt()).isEqualTo(1);
        }
    }

    @Test
    void an_environment_killed_from_outside_mid_invocation_fails_that_invocation_as_lambda_does() throws Exception {
        try (ExecutionEnvironment env = environment(EchoHandler.class.getName() + "::handleRequest", Duration.ofSeconds(20))) {
            env.invoke("{}".getBytes(StandardCharsets.UTF_8));
            Thread.ofVirtual().start(() -> {
                sleep(500);
                env.kill();
            });

            assertThatThrownBy(() -> env.invoke("\"sleep\"".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(FunctionError.class,
                            e -> assertThat(e.errorType()).isEqualTo("Runtime.ExitError"));
        }
    }

    @Test
    void the_crash_fault_kills_the_environment_after_the_handler_ran_and_before_its_answer_and_counts_it() throws Exception {
        List<String> faultLog = new CopyOnWriteArrayList<>();
        Faults faults = new Faults(FaultPlan.parse("crash:1"), faultLog::add);
        FunctionSpec spec = spec(EchoHandler.class.getName() + "::handleRequest", Duration.ofSeconds(20),
                Map.of("GREETING", "hello"));
        try (ExecutionEnvironment env = new ExecutionEnvironment(spec, "us-east-1", logs::add, faults)) {
            assertThatThrownBy(() -> env.invoke("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(FunctionError.class,
                            e -> assertThat(e.errorType()).isEqualTo("Runtime.ExitError"));

            assertThat(logs).as("the handler ran").anyMatch(line -> line.startsWith("handling "));
            assertThat(faults.counts()).containsEntry(FaultKind.CRASH, 1L);
            assertThat(faultLog).singleElement().asString().startsWith("[fault] crash #1: echo");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static FunctionSpec spec(String handler, Duration timeout, Map<String, String> environment) {
        return new FunctionSpec("echo", handler, List.of(testClasses(), lambdaCoreJar()), environment, 256, timeout);
    }

    private ExecutionEnvironment environment(String handler, Duration timeout) {
        FunctionSpec spec = spec(handler, timeout, Map.of("GREETING", "hello"));
        return new ExecutionEnvironment(spec, "us-east-1", line -> {
            logs.add(line);
            System.out.println("[echo] " + line);
        });
    }

    private static Path testClasses() {
        return location(EchoHandler.class);
    }

    private static Path lambdaCoreJar() {
        return location(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
