package io.eventsuite.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** The template reader on the project's real template.yaml. */
@DisplayName("template reader on the real template.yaml")
class SamTemplateTest {

    static final Path TEMPLATE = Path.of(System.getProperty("eventsuite.project.dir", "../.."), "template.yaml");
    private final SamTemplate template = SamTemplate.load(TEMPLATE);

    /** Resources counted straight from the YAML, by type: the model must miss none. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> countsByType() {
        Map<String, Object> resources = (Map<String, Object>) CfnYaml.load(TEMPLATE).get("Resources");
        return resources.values().stream().map(r -> String.valueOf(((Map<String, Object>) r).get("Type")))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    @Test
    void finds_every_function_with_globals_merged() {
        assertThat((long) template.functions().size()).isEqualTo(countsByType().get("AWS::Serverless::Function"));
        assertThat(template.functions()).extracting(SamTemplate.Function::logicalId).contains(
                "RegisterUserFunction", "GetUserFunction", "UpdateUserFunction", "DeleteUserFunction",
                "RelayUserEventsFunction", "PlaceOrderFunction", "GetOrderFunction", "ListOrdersFunction",
                "CancelOrderFunction", "CancelOrdersOfDeletedUserFunction", "RelayOrderEventsFunction",
                "SendNotificationsFunction", "ProjectRecipientsFunction", "PurgeRecipientFunction",
                "ListNotificationsFunction");
        assertThat(template.functions()).allSatisfy(f -> {
            assertThat(f.handler()).isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
            assertThat(f.buildMethod()).isEqualTo("makefile");
            assertThat(f.layers()).containsExactly("DependenciesLayer");
            assertThat(f.environment()).containsKeys("SPRING_CLOUD_FUNCTION_DEFINITION", "MAIN_CLASS",
                    "JAVA_TOOL_OPTIONS");
            assertThat(f.memoryMb()).isEqualTo(1024);
        });
        SamTemplate.Function place = template.function("PlaceOrderFunction");
        assertThat(place.codeUri()).isEqualTo("services/order-service");
        assertThat(place.timeoutSeconds()).isEqualTo(15);
        assertThat(place.environment().get("ORDERS_TABLE")).isEqualTo(Map.of("Ref", "OrdersTable"));
        assertThat(template.function("RelayOrderEventsFunction").timeoutSeconds()).isEqualTo(50);
        assertThat(template.function("SendNotificationsFunction").timeoutSeconds()).isEqualTo(30);
        assertThat(template.layers()).extracting(SamTemplate.Layer::logicalId, SamTemplate.Layer::buildMethod)
                .containsExactly(tuple("DependenciesLayer", "makefile"));
    }

    @Test
    void reads_each_functions_reserved_concurrency_and_each_sources_maximum_concurrency() {
        SamTemplate prod = SamTemplate.load(TEMPLATE, Map.of("Stage", "prod"), "us-east-1");

        assertThat(template.function("RelayOrderEventsFunction").reservedConcurrency()).as("dev: none").isZero();
        assertThat(prod.function("RelayOrderEventsFunction").reservedConcurrency()).isEqualTo(1);
        assertThat(template.function("PlaceOrderFunction").reservedConcurrency()).isZero();
        assertThat(template.function("CancelOrdersOfDeletedUserFunction").sqsSources())
                .extracting(SamTemplate.SqsSource::maximumConcurrency).containsExactly(5);
    }

    @Test
    void finds_every_route_with_its_authorizer_and_scopes() {
        assertThat(template.routes()).extracting(SamTemplate.HttpRoute::routeKey, SamTemplate.HttpRoute::functionId)
                .containsExactlyInAnyOrder(
                        tuple("POST /users", "RegisterUserFunction"),
                        tuple("GET /users/{id}", "GetUserFunction"),
                        tuple("PATCH /users/{id}", "UpdateUserFunction"),
                        tuple("DELETE /users/{id}", "DeleteUserFunction"),
                        tuple("POST /orders", "PlaceOrderFunction"),
                        tuple("GET /orders/{id}", "GetOrderFunction"),
                        tuple("GET /orders", "ListOrdersFunction"),
                        tuple("POST /orders/{id}/cancel", "CancelOrderFunction"),
                        tuple("GET /notifications", "ListNotificationsFunction"));
        assertThat(template.routes()).allSatisfy(r -> {
            assertThat(r.authorizer()).isEqualTo("CognitoAuthorizer");
            assertThat(r.scopes()).hasSize(1).allMatch(s -> s.startsWith("eventsuite/"));
        });
        SamTemplate.HttpApi api = template.httpApi().orElseThrow();
        assertThat(api.defaultAuthorizer()).isEqualTo("CognitoAuthorizer");
        assertThat(api.authorizers().get("CognitoAuthorizer").header()).isEqualTo("authorization");
        assertThat(api.cors().allowHeaders()).contains("authorization", "traceparent", "idempotency-key");
    }

    @Test
    void finds_every_sqs_event_source_and_schedule() {
        List<SamTemplate.SqsSource> sources = template.functions().stream().flatMap(f -> f.sqsSources().stream()).toList();
        assertThat(sources).extracting(SamTemplate.SqsSource::functionId, SamTemplate.SqsSource::queueId,
                SamTemplate.SqsSource::batchSize).containsExactlyInAnyOrder(
                tuple("CancelOrdersOfDeletedUserFunction", "CancelOrdersOfDeletedUserQueue", 10),
                tuple("SendNotificationsFunction", "SendNotificationsQueue", 10),
                tuple("ProjectRecipientsFunction", "ProjectRecipientsQueue", 10),
                tuple("PurgeRecipientFunction", "PurgeRecipientQueue", 10));
        assertThat(sources).allMatch(SamTemplate.SqsSource::reportBatchItemFailures);
        assertThat(template.functions().stream().flatMap(f -> f.schedules().stream()).toList())
                .extracting(SamTemplate.Schedule::functionId, SamTemplate.Schedule::expression)
                .containsExactlyInAnyOrder(tuple("RelayUserEventsFunction", "rate(1 minute)"),
                        tuple("RelayOrderEventsFunction", "rate(1 minute)"));
    }

    @Test
    void finds_every_table_as_an_on_demand_create_table_request() {
        assertThat((long) template.tables().size()).isEqualTo(countsByType().get("AWS::DynamoDB::Table"));
        CreateTableRequest orders = template.tables().stream().filter(t -> t.logicalId().equals("OrdersTable"))
                .findFirst().orElseThrow().createTableRequest();
        assertThat(orders.tableName()).isEqualTo("OrdersTable");
        assertThat(orders.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(orders.keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
        assertThat(orders.attributeDefinitions()).hasSize(5);
        assertThat(orders.globalSecondaryIndexes()).extracting(i -> i.indexName())
                .containsExactly("by-customer", "pending-events");
        assertThat(orders.globalSecondaryIndexes().get(0).keySchema()).extracting(k -> k.attributeName())
                .containsExactly("customerId", "placedAt");
    }

    @Test
    void finds_every_topic_queue_and_subscription_consistently() {
        Map<String, Long> counts = countsByType();
        assertThat((long) template.topics().size()).isEqualTo(counts.get("AWS::SNS::Topic"));
        assertThat((long) template.queues().size()).isEqualTo(counts.get("AWS::SQS::Queue"));
        assertThat((long) template.subscriptions().size()).isEqualTo(counts.get("AWS::SNS::Subscription"));
        Set<String> queues = template.queues().stream().map(SamTemplate.Queue::logicalId).collect(Collectors.toSet());
        Set<String> topics = template.topics().stream().map(SamTemplate.Topic::logicalId).collect(Collectors.toSet());

        SamTemplate.Queue send = template.queues().stream().filter(q -> q.logicalId().equals("SendNotificationsQueue"))
                .findFirst().orElseThrow();
        assertThat(send.attributes()).containsEntry("VisibilityTimeout", "200");
        assertThat(send.deadLetterQueueId()).isEqualTo("SendNotificationsDLQ");
        assertThat(send.maxReceiveCount()).isEqualTo(5);
        assertThat(template.queues()).filteredOn(q -> q.deadLetterQueueId() != null).hasSize(4)
                .allSatisfy(q -> assertThat(queues).contains(q.deadLetterQueueId()));

        assertThat(template.subscriptions()).allSatisfy(s -> {
            assertThat(topics).contains(s.topicId());
            assertThat(queues).contains(s.endpointQueueId(), s.redriveDeadLetterQueueId());
            assertThat(s.protocol()).isEqualTo("sqs");
            assertThat(s.rawMessageDelivery()).isTrue();
            assertThat(s.filterPolicyScope()).isEqualTo("MessageAttributes");
        });
        SamTemplate.Subscription orderEvents = template.subscriptions().stream()
                .filter(s -> s.logicalId().equals("SendNotificationsOrderEventsSubscription")).findFirst().orElseThrow();
        assertThat(orderEvents.topicId()).isEqualTo("OrderEventsTopic");
        assertThat(orderEvents.endpointQueueId()).isEqualTo("SendNotificationsQueue");
        assertThat(orderEvents.filterPolicy())
                .isEqualTo("{\"type\":[\"io.eventsuite.order.placed.v1\",\"io.eventsuite.order.cancelled.v1\"]}");
        assertThat(orderEvents.redriveDeadLetterQueueId()).isEqualTo("SendNotificationsSubscriptionDLQ");
    }

    @Test
    void parameters_without_a_default_get_a_local_value_their_pattern_accepts_and_secrets_are_found() {
        assertThat(template.placeholderParameters()).containsEntry("SenderAddress", "no-reply@eventsuite.local");
        assertThat(template.intrinsics().parameters()).containsEntry("Stage", "dev");
        assertThat(template.secrets()).singleElement().satisfies(s -> {
            assertThat(s.logicalId()).isEqualTo("CursorSigningKey");
            assertThat(s.passwordLength()).isEqualTo(64);
            assertThat(s.excludePunctuation()).isTrue();
        });
    }
}
