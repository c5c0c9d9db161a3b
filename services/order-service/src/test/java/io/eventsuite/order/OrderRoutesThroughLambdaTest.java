package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.event.OrderCancelled;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.order.OrderStatus;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every order route, invoked through the real Lambda entry point with API Gateway HTTP API events as AWS
 * sends them. Each test is its own customer.
 */
@DisplayName("order routes through FunctionInvoker")
class OrderRoutesThroughLambdaTest {

    static final String TWO_LINES = """
            {"lines":[
              {"sku":"BOOK-1","quantity":2,"unitPrice":{"minorUnits":1250,"currency":"EUR"}},
              {"sku":"PEN-7","quantity":1,"unitPrice":{"minorUnits":199,"currency":"EUR"}}]}""";

    private final OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(OrderServiceWithFakes.class);
    private final String customer = "cust-" + UUID.randomUUID();

    @Test
    void placing_answers_201_with_the_total_computed_on_the_server_and_emits_OrderPlaced() {
        HttpAnswer answer = place(customer, TWO_LINES);

        assertThat(answer.status()).isEqualTo(201);
        String id = answer.body().path("id").asString();
        assertThat(answer.header("Location")).isEqualTo("/orders/" + id);
        assertThat(answer.body().path("customerId").asString()).isEqualTo(customer);
        assertThat(answer.body().path("status").asString()).isEqualTo("PLACED");
        assertThat(answer.body().path("total").path("minorUnits").asLong()).isEqualTo(2 * 1250 + 199);
        assertThat(answer.body().path("total").path("currency").asString()).isEqualTo("EUR");
        assertThat(fakes.publisher().publishedOfType(OrderPlaced.class))
                .filteredOn(e -> e.orderId().value().equals(id)).singleElement()
                .satisfies(e -> assertThat(e.total().minorUnits()).isEqualTo(2699));
    }

    @Test
    void a_total_sent_by_the_client_is_refused_as_an_unknown_field() {
        HttpAnswer answer = place(customer, """
                {"lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":{"minorUnits":1,"currency":"EUR"}}],
                 "total":{"minorUnits":0,"currency":"EUR"}}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemType()).isEqualTo("urn:eventsuite:problem:unknown-field");
    }

    @Test
    void invalid_lines_are_422_naming_each_field_by_its_path() {
        HttpAnswer answer = place(customer, """
                {"lines":[
                  {"sku":"book 1","quantity":0,"unitPrice":{"minorUnits":100,"currency":"EUR"}},
                  {"sku":"PEN-7","unitPrice":{"minorUnits":-5,"currency":"EURO"}}]}""");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("lines[0].sku", "lines[0].quantity", "lines[1].quantity");
        assertThat(answer.body().path("errors").valueStream().map(e -> e.path("field").asString()))
                .anyMatch(f -> f.startsWith("lines[1].unitPrice"));
    }

    @Test
    void lines_in_two_currencies_are_422_on_lines() {
        HttpAnswer answer = place(customer, """
                {"lines":[
                  {"sku":"BOOK-1","quantity":1,"unitPrice":{"minorUnits":100,"currency":"EUR"}},
                  {"sku":"PEN-7","quantity":1,"unitPrice":{"minorUnits":100,"currency":"USD"}}]}""");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("lines");
    }

    @Test
    void an_order_without_lines_is_422() {
        assertThat(place(customer, "{\"lines\":[]}").status()).isEqualTo(422);
        assertThat(place(customer, "{}").status()).isEqualTo(422);
    }

    @Test
    void the_owner_reads_their_order_and_another_customer_gets_404() {
        String id = place(customer, TWO_LINES).body().path("id").asString();

        HttpAnswer own = lambda.http("getOrder", get(id).as(customer));
        HttpAnswer other = lambda.http("getOrder", get(id).as("mallory-" + UUID.randomUUID()));
        HttpAnswer admin = lambda.http("getOrder", get(id).asAdmin("admin-" + UUID.randomUUID()));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("lines").size()).isEqualTo(2);
        assertThat(other.status()).isEqualTo(404);
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void listing_pages_through_the_callers_orders_newest_first_with_an_opaque_cursor() {
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(customer, TWO_LINES).body().path("id").asString());
        }
        place("someone-" + UUID.randomUUID(), TWO_LINES);

        HttpAnswer first = lambda.http("listOrders", list().as(customer).query("limit", "3"));
        String cursor = first.body().path("nextCursor").asString();
        HttpAnswer second = lambda.http("listOrders", list().as(customer).query("limit", "3").query("cursor", cursor));

        List<String> seen = new ArrayList<>();
        first.body().path("items").forEach(o -> seen.add(o.path("id").asString()));
        second.body().path("items").forEach(o -> seen.add(o.path("id").asString()));
        assertThat(first.body().path("items").size()).isEqualTo(3);
        assertThat(second.body().has("nextCursor")).isFalse();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(placed);
    }

    @Test
    void a_limit_out_of_range_or_a_forged_cursor_is_422() {
        assertThat(lambda.http("listOrders", list().as(customer).query("limit", "1000")).status()).isEqualTo(422);
        assertThat(lambda.http("listOrders", list().as(customer).query("limit", "ten")).status()).isEqualTo(422);
        HttpAnswer forged = lambda.http("listOrders", list().as(customer).query("cursor", "not-a-cursor!"));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.body().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }

    @Test
    void cancelling_a_placed_order_answers_200_and_emits_OrderCancelled_once() {
        String id = place(customer, TWO_LINES).body().path("id").asString();

        HttpAnswer cancelled = lambda.http("cancelOrder", cancel(id).as(customer).jsonBody("{\"reason\":\"changed my mind\"}"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("cancellationReason").asString()).isEqualTo("changed my mind");
        assertThat(fakes.publisher().publishedOfType(OrderCancelled.class))
                .filteredOn(e -> e.orderId().value().equals(id)).hasSize(1);
    }

    @Test
    void cancelling_twice_is_an_illegal_transition_409_and_emits_nothing_more() {
        String id = place(customer, TWO_LINES).body().path("id").asString();
        lambda.http("cancelOrder", cancel(id).as(customer));

        HttpAnswer again = lambda.http("cancelOrder", cancel(id).as(customer));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("urn:eventsuite:problem:illegal-state-transition");
        assertThat(fakes.publisher().publishedOfType(OrderCancelled.class))
                .filteredOn(e -> e.orderId().value().equals(id)).hasSize(1);
    }

    @Test
    void another_customer_cannot_cancel_an_order() {
        String id = place(customer, TWO_LINES).body().path("id").asString();

        HttpAnswer answer = lambda.http("cancelOrder", cancel(id).as("mallory-" + UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(fakes.orders().findById(new OrderId(id)).orElseThrow().status())
                .isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void a_retried_place_with_the_same_idempotency_key_places_one_order() {
        String key = UUID.randomUUID().toString();
        HttpAnswer first = lambda.http("placeOrder", placeRequest(customer, TWO_LINES).header("Idempotency-Key", key));
        HttpAnswer retry = lambda.http("placeOrder", placeRequest(customer, TWO_LINES).header("Idempotency-Key", key));

        assertThat(retry.body().path("id").asString()).isEqualTo(first.body().path("id").asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fakes.publisher().publishedOfType(OrderPlaced.class))
                .filteredOn(e -> e.customerId().value().equals(customer)).hasSize(1);
    }

    @Test
    void under_an_idempotency_key_the_order_id_derives_from_the_request_so_a_rerun_finds_its_own_order() {
        String key = UUID.randomUUID().toString();
        String keyed = place(customer, TWO_LINES, key).body().path("id").asString();
        String unkeyed = place(customer, TWO_LINES).body().path("id").asString();

        assertThat(UUID.fromString(keyed).version()).as("name-based, from the request key").isEqualTo(3);
        assertThat(UUID.fromString(unkeyed).version()).as("random").isEqualTo(4);
    }

    @Test
    void a_place_that_failed_after_its_write_keeps_its_key_so_a_quick_retry_cannot_place_a_second_order() {
        String key = UUID.randomUUID().toString();
        fakes.orders().failAfterNextWrite(new IllegalStateException("response lost"));

        assertThat(place(customer, TWO_LINES, key).status()).isEqualTo(500);
        HttpAnswer retry = place(customer, TWO_LINES, key);

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.problemType()).isEqualTo("urn:eventsuite:problem:idempotency-key-in-progress");
        assertThat(fakes.orders().writes())
                .filteredOn(write -> write.aggregate().customerId().value().equals(customer)).hasSize(1);
    }

    private HttpAnswer place(String who, String json, String idempotencyKey) {
        return lambda.http("placeOrder", placeRequest(who, json).header("Idempotency-Key", idempotencyKey));
    }

    private HttpAnswer place(String who, String json) {
        return lambda.http("placeOrder", placeRequest(who, json));
    }

    private static ApiGatewayV2Events placeRequest(String who, String json) {
        return ApiGatewayV2Events.request("POST", "/orders", "/orders").as(who).jsonBody(json);
    }

    private static ApiGatewayV2Events get(String id) {
        return ApiGatewayV2Events.request("GET", "/orders/{id}", "/orders/" + id).pathParameter("id", id);
    }

    private static ApiGatewayV2Events list() {
        return ApiGatewayV2Events.request("GET", "/orders", "/orders");
    }

    private static ApiGatewayV2Events cancel(String id) {
        return ApiGatewayV2Events.request("POST", "/orders/{id}/cancel", "/orders/" + id + "/cancel")
                .pathParameter("id", id);
    }
}
