package io.eventsuite.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.observability.TraceParent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("which remote span an invocation continues")
class IncomingTraceTest {

    private static final String W3C = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @Test
    void the_w3c_traceparent_wins_over_the_xray_header() {
        assertThat(IncomingTrace.parent(W3C, XRAY)).map(TraceParent::toString).contains(W3C);
    }

    @Test
    void the_xray_header_is_read_as_the_w3c_parent_it_stands_for() {
        assertThat(IncomingTrace.parent(null, XRAY)).map(TraceParent::toString)
                .contains("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
        assertThat(XRayTraceHeader.parse(XRAY.replace("Sampled=1", "Sampled=0"))).map(TraceParent::flags)
                .contains("00");
    }

    @Test
    void a_malformed_traceparent_falls_back_to_xray_and_malformed_or_parentless_headers_to_a_new_trace() {
        assertThat(IncomingTrace.parent("00-zz-00f067aa0ba902b7-01", XRAY)).map(TraceParent::spanId)
                .contains("53995c3f42cd8ad8");
        assertThat(IncomingTrace.parent("garbage", "Root=1-nothex;Parent=x")).isEmpty();
        assertThat(IncomingTrace.parent(null, "Root=1-5759e988-bd862e3fe1be46a994272793")).isEmpty();
        assertThat(IncomingTrace.parent(null, null)).isEmpty();
    }
}
