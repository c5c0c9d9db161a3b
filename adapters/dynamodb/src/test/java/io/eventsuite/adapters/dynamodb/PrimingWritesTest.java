package io.eventsuite.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SnapStart's refused writes reach DynamoDB (a PutItem and an UpdateItem) and leave nothing behind. */
class PrimingWritesTest {

    private static LocalDynamo dynamo;
    private static final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(PrimingWritesTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @Test
    void both_writes_are_sent_and_refused_and_the_table_stays_empty() {
        String table = dynamo.createTable(TableDefinitions::idempotency);
        try (DynamoDbClient watched = dynamo.clientWith(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        })) {
            PrimingWrites.refusedWrites(watched, table, "key", "placeOrder#snapstart-priming");
        }

        assertThat(sent).containsExactly("PutItem", "UpdateItem");
        assertThat(dynamo.client().getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("key", AttributeValue.fromS("placeOrder#snapstart-priming")))).hasItem()).isFalse();
        assertThat(dynamo.client().scan(b -> b.tableName(table)).count()).isZero();
    }
}
