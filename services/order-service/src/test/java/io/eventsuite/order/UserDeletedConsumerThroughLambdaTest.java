package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.order.OrderStatus;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import io.eventsuite.platform.testing.SqsEvents;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The UserDeleted consumer, through the real Lambda entry point with SQS events as the event source sends them. */
@DisplayName("UserDeleted consumer through FunctionInvoker")
class UserDeletedConsumerThroughLambdaTest {

    private final OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(OrderServiceWithFakes.class);
    private final String customer = "cust-" + UUID.randomUUID();

    /** A UserDeleted event exactly as the user service publishes it (CloudEvents 1.0, structured mode). */
    static String userDeleted(String eventId, String userId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/eventsuite/user-service","type":"io.eventsuite.user.deleted.v1",\
                "subject":"%s","time":"2026-11-26T19:03:58.390Z","datacontenttype":"application/json",\
                "data":{"userId":"%s","version":2},"traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",\
                "correlationid":"corr-0000-1111"}""".formatted(eventId, userId, userId);
    }

    @Test
    void a_deleted_customers_open_orders_are_cancelled_and_the_batch_reports_no_failure() {
        String open = placeOrder();
        String alreadyCancelled = placeOrder();
        lambda.http("cancelOrder", ApiGatewayV2Events.request("POST", "/orders/{id}/cancel",
                "/orders/" + alreadyCancelled + "/cancel").pathParameter("id", alreadyCancelled).as(customer));
        SqsEvents batch = SqsEvents.batchFrom("order-service-user-deleted");
        batch.add(userDeleted(UUID.randomUUID().toString(), customer),
                Map.of("type", "io.eventsuite.user.deleted.v1", "traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        JsonNode response = lambda.invoke("cancelOrdersOfDeletedUser", batch.toJson());

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(fakes.orders().findById(new OrderId(open)).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(fakes.orders().findById(new OrderId(open)).orElseThrow().cancellationReason())
                .contains("customer account deleted");
    }

    @Test
    void the_same_event_delivered_twice_changes_nothing_the_second_time() {
        String open = placeOrder();
        String eventId = UUID.randomUUID().toString();
        SqsEvents first = SqsEvents.batchFrom("order-service-user-deleted");
        first.add(userDeleted(eventId, customer));
        lambda.invoke("cancelOrdersOfDeletedUser", first.toJson());
        long versionAfterFirst = fakes.orders().findById(new OrderId(open)).orElseThrow().version();

        SqsEvents redelivery = SqsEvents.batchFrom("order-service-user-deleted");
        redelivery.add(userDeleted(eventId, customer));
        JsonNode response = lambda.invoke("cancelOrdersOfDeletedUser", redelivery.toJson());

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(fakes.orders().findById(new OrderId(open)).orElseThrow().version())
                .isEqualTo(versionAfterFirst);
    }

    @Test
    void an_undecodable_record_is_reported_alone_and_the_rest_of_the_batch_is_processed() {
        String open = placeOrder();
        SqsEvents batch = SqsEvents.batchFrom("order-service-user-deleted");
        String garbage = batch.add("{not json at all");
        String wrongType = batch.add(userDeleted(UUID.randomUUID().toString(), customer)
                .replace("io.eventsuite.user.deleted.v1", "io.eventsuite.user.exploded.v1"));
        String invalidData = batch.add(userDeleted(UUID.randomUUID().toString(), "bad id with spaces"));
        batch.add(userDeleted(UUID.randomUUID().toString(), customer));

        JsonNode response = lambda.invoke("cancelOrdersOfDeletedUser", batch.toJson());

        assertThat(response.path("batchItemFailures").valueStream().map(f -> f.path("itemIdentifier").asString()))
                .containsExactlyInAnyOrder(garbage, wrongType, invalidData);
        assertThat(fakes.orders().findById(new OrderId(open)).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_user_deleted_from_a_newer_producer_with_an_added_field_and_an_unknown_extension_is_handled() {
        String open = placeOrder();
        SqsEvents batch = SqsEvents.batchFrom("order-service-user-deleted");
        batch.add(userDeleted(UUID.randomUUID().toString(), customer)
                .replace("\"subject\"", "\"partitionkey\":\"p-7\",\"subject\"")
                .replace("\"data\":{", "\"data\":{\"reason\":\"requested-by-user\","));

        JsonNode response = lambda.invoke("cancelOrdersOfDeletedUser", batch.toJson());

        assertThat(response.path("batchItemFailures").size()).isZero();
        assertThat(fakes.orders().findById(new OrderId(open)).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_user_deleted_from_a_newer_producer_without_its_required_user_id_goes_to_the_dlq() {
        String open = placeOrder();
        SqsEvents batch = SqsEvents.batchFrom("order-service-user-deleted");
        String broken = batch.add(userDeleted(UUID.randomUUID().toString(), customer)
                .replace("\"subject\"", "\"partitionkey\":\"p-7\",\"subject\"")
                .replace("\"data\":{\"userId\":\"" + customer + "\",", "\"data\":{\"reason\":\"requested-by-user\","));

        JsonNode response = lambda.invoke("cancelOrdersOfDeletedUser", batch.toJson());

        assertThat(response.path("batchItemFailures").valueStream().map(f -> f.path("itemIdentifier").asString()))
                .containsExactly(broken);
        assertThat(fakes.orders().findById(new OrderId(open)).orElseThrow().status())
                .isEqualTo(OrderStatus.PLACED);
    }

    private String placeOrder() {
        return lambda.http("placeOrder", ApiGatewayV2Events.request("POST", "/orders", "/orders").as(customer)
                .jsonBody(OrderRoutesThroughLambdaTest.TWO_LINES)).body().path("id").asString();
    }
}
