package io.eventsuite.order.config;

import io.eventsuite.adapters.dynamodb.DynamoDbOrders;
import io.eventsuite.adapters.dynamodb.DynamoDbPendingEvents;
import io.eventsuite.adapters.dynamodb.GsiPropagation;
import io.eventsuite.adapters.dynamodb.PrimingMappings;
import io.eventsuite.adapters.dynamodb.PrimingWrites;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.wiring.AwsClientsConfiguration;
import io.eventsuite.adapters.wiring.IdempotencyStoreConfiguration;
import io.eventsuite.adapters.wiring.OutboxConfiguration;
import io.eventsuite.adapters.wiring.PageCursorKey;
import io.eventsuite.adapters.wiring.RelayFunction;
import io.eventsuite.adapters.wiring.priming.PrimingItem;
import io.eventsuite.domain.order.Orders;
import io.eventsuite.domain.common.IndexLag;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.snapstart.PrimingRead;
import io.eventsuite.platform.tracing.InvocationTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** The order service's adapters: the orders table (with its outbox), the idempotency table, the order topic. */
@Configuration(proxyBeanMethods = false)
@Import({AwsClientsConfiguration.class, OutboxConfiguration.class, IdempotencyStoreConfiguration.class})
public class OrderAdapters {

    @Bean
    Orders orders(DynamoDbClient dynamo, @Value("${ORDERS_TABLE}") String table, CloudEventCodec codec,
            @Value("${CURSOR_SIGNING_KEY:}") String cursorKey) {
        // Only ListOrders is given the key (it alone pages); the others never ask for it.
        return new DynamoDbOrders(dynamo, table, codec, () -> PageCursorKey.fromBase64(cursorKey).bytes());
    }

    /** How long the by-customer index may trail the table: the deleted user's orders are walked again after it. */
    @Bean
    IndexLag indexLag() {
        return new GsiPropagation(GsiPropagation.DEFAULT);
    }

    @Bean
    PendingEvents pendingEvents(DynamoDbClient dynamo, @Value("${ORDERS_TABLE}") String table) {
        return new DynamoDbPendingEvents(dynamo, table);
    }

    /** Scheduled every minute: republishes order events still pending in the orders table. */
    @Bean
    RelayFunction relayPendingEvents(OutboxRelay relay, InvocationTracing tracing, InvocationMetrics metrics) {
        return RelayFunction.of(relay, tracing, metrics);
    }

    /** For the SnapStart snapshot: a found order's mapping from its item (and to it), in memory. */
    @Bean
    PrimingRead primeOrderMapping() {
        return () -> PrimingMappings.order(OrderPriming.sampleOrder());
    }

    /** For the SnapStart snapshot's in-memory priming: the sample order, as a GetItem answered in memory finds it. */
    @Bean
    PrimingItem sampleOrderItem(@Value("${ORDERS_TABLE:}") String table) {
        return new PrimingItem(table, PrimingMappings.orderItem(OrderPriming.sampleOrder()));
    }

    /** For the SnapStart snapshot: a read of an id that cannot exist warms the SDK client and the mapping. */
    @Bean
    PrimingRead primeDynamoDbRead(ObjectProvider<Orders> orders) {
        return () -> orders.getObject().findById(new OrderId("snapstart-priming"));
    }

    /**
     * For the SnapStart snapshot of a write route (one given IDEMPOTENCY_TABLE, and so the write permissions): writes
     * DynamoDB refuses on their condition, on the orders and idempotency tables (under this function's key prefix, as
     * IAM allows), and a PublishBatch of no entries to the topic, which SNS refuses (EmptyBatchRequest): the write
     * paths' SDK calls are warm and nothing is written or published.
     */
    @Bean
    PrimingRead primeWrites(ObjectProvider<DynamoDbClient> dynamo, ObjectProvider<SnsClient> sns,
            @Value("${ORDERS_TABLE:}") String orders, @Value("${IDEMPOTENCY_TABLE:}") String idempotency,
            @Value("${IDEMPOTENCY_KEY_PREFIX:}") String prefix, @Value("${EVENTS_TOPIC_ARN:}") String topic) {
        return () -> {
            if (idempotency.isBlank()) {
                return;
            }
            PrimingWrites.refusedWrites(dynamo.getObject(), idempotency, "key", prefix + "#snapstart-priming");
            PrimingWrites.refusedWrites(dynamo.getObject(), orders, "id", "snapstart-priming");
            if (!topic.isBlank()) {
                try {
                    sns.getObject().publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(List.of()));
                } catch (SnsException emptyBatchRefused) {
                    // as intended: nothing published
                }
            }
        };
    }
}
