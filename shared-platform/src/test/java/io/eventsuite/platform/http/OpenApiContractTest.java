package io.eventsuite.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.OpenApiContract;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The contract check every route test goes through (LambdaEntryPoint.http): what it refuses, and that it lets pass. */
@DisplayName("docs/openapi.yaml applied to answers")
class OpenApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORDER = """
            {"id":"o-1","customerId":"alice","status":"PLACED","lines":[{"sku":"BOOK-1","quantity":2,
             "unitPrice":{"minorUnits":1250,"currency":"EUR"}}],"total":{"minorUnits":2500,"currency":"EUR"},
             "version":1,"placedAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:00:00Z"}""";

    private final OpenApiContract contract = OpenApiContract.project();

    @Test
    void a_documented_answer_passes() {
        assertThat(contract.violations("POST /orders", answer(201, ORDER,
                Map.of("Location", "/orders/o-1", "ETag", "\"1\"")))).isEmpty();
        assertThat(contract.violations("GET /orders/{id}", problem(404, "not-found"))).isEmpty();
    }

    @Test
    void an_undocumented_status_or_operation_fails() {
        assertThat(contract.violations("GET /orders/{id}", problem(409, "already-exists")))
                .containsExactly("status 409 is not documented for GET /orders/{id}");
        assertThat(contract.violations("PUT /orders/{id}", problem(404, "not-found")))
                .containsExactly("no operation PUT /orders/{id}");
    }

    @Test
    void a_missing_required_header_and_an_undocumented_one_fail() {
        assertThat(contract.violations("POST /orders", answer(201, ORDER,
                Map.of("Location", "/orders/o-1", "X-Debug", "yes"))))
                .containsExactlyInAnyOrder("header ETag is required", "header X-Debug is not documented");
    }

    @Test
    void a_body_that_breaks_its_schema_fails_naming_the_place() {
        String withSecret = ORDER.replace("\"version\":1", "\"version\":1,\"internalNote\":\"x\"");

        assertThatThrownBy(() -> contract.assertConforms("POST /orders", answer(201, withSecret,
                Map.of("Location", "/orders/o-1", "ETag", "\"1\""))))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the answer of POST /orders (201) breaks docs/openapi.yaml:\n  - body: ")
                .hasMessageContaining("'internalNote'");
    }

    @Test
    void a_problem_type_that_does_not_belong_to_the_status_fails() {
        assertThat(contract.violations("GET /orders/{id}", problem(404, "already-exists")))
                .singleElement().asString().startsWith("body/type: ");
    }

    @Test
    void the_problem_types_of_the_contract_are_exactly_the_catalogue() {
        assertThat(contract.document().at("/components/schemas/ProblemType/enum").valueStream()
                .map(node -> node.asString()).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList());
    }

    private static HttpAnswer problem(int status, String slug) {
        String body = "{\"type\":\"urn:eventsuite:problem:" + slug + "\",\"title\":\"t\",\"status\":" + status
                + ",\"detail\":\"d\",\"instance\":\"c-1\"}";
        return new HttpAnswer(status, headers(Map.of("Content-Type", "application/problem+json")), body,
                JSON.readTree(body));
    }

    private static HttpAnswer answer(int status, String body, Map<String, String> extra) {
        Map<String, String> headers = headers(Map.of("Content-Type", "application/json"));
        headers.putAll(extra);
        return new HttpAnswer(status, headers, body, JSON.readTree(body));
    }

    private static Map<String, String> headers(Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of("X-Correlation-Id", "c-1", "Cache-Control", "no-store",
                "X-Content-Type-Options", "nosniff"));
        headers.putAll(extra);
        return headers;
    }
}
