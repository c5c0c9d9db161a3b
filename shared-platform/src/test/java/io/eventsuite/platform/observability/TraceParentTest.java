package io.eventsuite.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("traceparent")
class TraceParentTest {

    @Test
    void a_w3c_traceparent_is_read_and_written_back_unchanged() {
        String value = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        TraceParent parsed = TraceParent.parse(value).orElseThrow();

        assertThat(parsed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parsed.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parsed).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\nInjected: log line"})
    void anything_else_is_ignored(String value) {
        assertThat(TraceParent.parse(value)).isEmpty();
    }

    @Test
    void correlation_ids_from_outside_are_taken_only_when_safe() {
        assertThat(CorrelationIds.choose("order-flow-1234", "fallback")).isEqualTo("order-flow-1234");
        assertThat(CorrelationIds.choose("short", "fallback")).isEqualTo("fallback");
        assertThat(CorrelationIds.choose("has spaces in it", "fallback")).isEqualTo("fallback");
        assertThat(CorrelationIds.choose("x".repeat(200), "fallback")).isEqualTo("fallback");
        assertThat(CorrelationIds.choose(null, "fallback")).isEqualTo("fallback");
    }
}
