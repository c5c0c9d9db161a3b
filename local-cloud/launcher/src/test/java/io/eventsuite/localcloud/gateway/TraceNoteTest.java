package io.eventsuite.localcloud.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the access log names the trace a function answered in")
class TraceNoteTest {

    @Test
    void the_trace_id_comes_from_the_traceresponse_header() {
        var response = new ApiGatewayV2.Response(201, Map.of("traceresponse",
                List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")), new byte[0]);

        assertThat(HttpApiGateway.traceNote(response)).isEqualTo(" trace 4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void no_or_a_malformed_header_adds_nothing() {
        assertThat(HttpApiGateway.traceNote(new ApiGatewayV2.Response(200, Map.of(), new byte[0]))).isEmpty();
        assertThat(HttpApiGateway.traceNote(new ApiGatewayV2.Response(200,
                Map.of("traceresponse", List.of("garbage")), new byte[0]))).isEmpty();
    }
}
