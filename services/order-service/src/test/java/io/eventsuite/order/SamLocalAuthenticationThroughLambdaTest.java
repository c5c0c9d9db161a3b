package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import io.eventsuite.platform.testing.LocalIssuerStub;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code sam local start-api} runs no JWT authorizer: the event has no {@code requestContext.authorizer} block, only
 * the {@code Authorization} header. With the local cloud's env.json naming its dev issuer, the function verifies the
 * token itself and refuses as API Gateway would; without it (AWS), the header counts for nothing.
 */
@DisplayName("sam local start-api: the function verifies the bearer token itself")
@ExtendWith(OutputCaptureExtension.class)
class SamLocalAuthenticationThroughLambdaTest {

    private static final List<String> ORDERS = List.of("eventsuite/orders");

    private static LocalIssuerStub issuer;
    private static LambdaEntryPoint samLocal;

    private final OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
    private final String customer = "cust-" + UUID.randomUUID();

    @BeforeAll
    static void functionsGetTheLocalIssuerFromEnvJson() {
        issuer = new LocalIssuerStub();
        // What JAVA_TOOL_OPTIONS from env.json sets (as system properties).
        // Each function's context starts on its first invocation, reading them; then they go, so that no other
        // function of this JVM starts as if under sam local.
        issuer.properties("eventsuite/orders").forEach(System::setProperty);
        try {
            samLocal = LambdaEntryPoint.isolated(OrderServiceWithFakes.class);
            samLocal.http("placeOrder", post().asSamLocalSends(null));
            samLocal.http("listOrders", list().asSamLocalSends(null));
        } finally {
            issuer.properties("eventsuite/orders").keySet().forEach(System::clearProperty);
        }
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void a_dev_token_places_an_order_for_its_subject_and_lists_it() {
        String token = issuer.token(customer, ORDERS);

        HttpAnswer placed = samLocal.http("placeOrder", post().asSamLocalSends("Bearer " + token)
                .jsonBody(OrderRoutesThroughLambdaTest.TWO_LINES));
        HttpAnswer listed = samLocal.http("listOrders", list().asSamLocalSends("Bearer " + token));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("customerId").asString()).isEqualTo(customer);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items").valueStream().map(o -> o.path("id").asString()).toList())
                .containsExactly(placed.body().path("id").asString());
    }

    @Test
    void a_forged_token_is_401_as_api_gateway_answers_and_nothing_of_it_is_logged(CapturedOutput output) {
        String forged = issuer.forged(customer, ORDERS);

        HttpAnswer answer = samLocal.http("listOrders", list().asSamLocalSends("Bearer " + forged));

        assertUnauthorized(answer);
        assertThat(output.getAll()).doesNotContain(forged).doesNotContain(forged.substring(forged.lastIndexOf('.') + 1));
        assertThat(output.getAll()).contains("GET /orders answered 401");
    }

    @Test
    void an_expired_token_is_401() {
        assertUnauthorized(samLocal.http("listOrders",
                list().asSamLocalSends("Bearer " + issuer.expired(customer, ORDERS))));
    }

    @Test
    void a_token_of_another_issuer_is_401() {
        assertUnauthorized(samLocal.http("listOrders", list().asSamLocalSends(
                "Bearer " + issuer.fromIssuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OTHER", customer,
                        ORDERS))));
    }

    @Test
    void a_token_for_another_client_is_401() {
        assertUnauthorized(samLocal.http("listOrders",
                list().asSamLocalSends("Bearer " + issuer.forClient("another-client", customer, ORDERS))));
    }

    @Test
    void no_token_or_a_malformed_one_is_401() {
        assertUnauthorized(samLocal.http("listOrders", list().asSamLocalSends(null)));
        assertUnauthorized(samLocal.http("listOrders", list().asSamLocalSends("Bearer not.a.token")));
    }

    @Test
    void a_valid_token_without_the_routes_scope_is_403_and_writes_nothing() {
        HttpAnswer answer = samLocal.http("placeOrder", post()
                .asSamLocalSends("Bearer " + issuer.token(customer, List.of("eventsuite/users")))
                .jsonBody(OrderRoutesThroughLambdaTest.TWO_LINES));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.rawBody()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(fakes.publisher().published()).isEmpty();
    }

    @Test
    void in_aws_the_authorization_header_alone_is_no_identity() {
        HttpAnswer answer = LambdaEntryPoint.isolated(OrderServiceWithFakes.class).http("listOrders",
                list().asSamLocalSends("Bearer " + issuer.token(customer, ORDERS)));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemType()).isEqualTo("urn:eventsuite:problem:unauthenticated");
    }

    private static void assertUnauthorized(HttpAnswer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.rawBody()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    private static ApiGatewayV2Events post() {
        return ApiGatewayV2Events.request("POST", "/orders", "/orders");
    }

    private static ApiGatewayV2Events list() {
        return ApiGatewayV2Events.request("GET", "/orders", "/orders");
    }
}
