package io.eventsuite.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.testing.RecordingObservations;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.SpanFlush;
import io.micrometer.observation.Observation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Cognito trigger is one span per invocation like every function, and the span holds nothing of the user. */
@DisplayName("the pre token generation trigger's span")
class PreTokenGenerationSpanTest {

    private final RecordingObservations observations = new RecordingObservations();
    private final List<Observation.Context> stopped = observations.stopped();
    private final PreTokenGeneration trigger = new PreTokenGeneration(ApiScopeGrants.EVENTSUITE,
            new InvocationTracing(observations.registry(), SpanFlush.NONE), InvocationMetrics.OFF);

    @Test
    void each_invocation_is_one_server_span_with_no_attribute_of_the_user() {
        trigger.handle(event("{\"triggerSource\":\"TokenGeneration_Authentication\",\"request\":{\"userAttributes\":"
                + "{\"sub\":\"alice-sub\",\"email\":\"alice@example.com\",\"email_verified\":\"true\"},"
                + "\"groupConfiguration\":{\"groupsToOverride\":[\"customers\"]}}}"), null);

        assertThat(stopped).singleElement().satisfies(span -> {
            assertThat(span.getContextualName()).isEqualTo("cognito pre token generation");
            assertThat(span.getError()).isNull();
            List<String> values = new ArrayList<>();
            span.getAllKeyValues().forEach(kv -> values.add(kv.getValue()));
            assertThat(values).noneMatch(v -> v.contains("alice"));
            assertThat(span.getLowCardinalityKeyValue("faas.trigger").getValue()).isEqualTo("other");
        });
    }

    @Test
    void an_unreadable_event_fails_the_span_by_kind_only() {
        assertThatThrownBy(() -> trigger.handle(event("{not json alice@example.com"), null))
                .isInstanceOf(RuntimeException.class);

        assertThat(stopped).singleElement().satisfies(span -> {
            assertThat(span.getError()).isNotNull();
            assertThat(span.getError().getMessage()).doesNotContain("alice");
        });
    }

    private static ByteArrayInputStream event(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
