package io.eventsuite.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The tables as dynalite creates them: the keys and indexes the adapters query and the SAM template declares. */
class TableDefinitionsTest {

    private static LocalDynamo dynamo;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(TableDefinitionsTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @Test
    void everyTableIsOnDemandWithItsKeysAndIndexes() {
        assertThat(keys(describe(TableDefinitions::users))).containsExactly("id:HASH");
        assertThat(indexes(describe(TableDefinitions::users)))
                .containsExactly("pending-events[outboxState:HASH, pendingSince:RANGE]");
        assertThat(indexes(describe(TableDefinitions::orders))).containsExactlyInAnyOrder(
                "by-customer[customerId:HASH, placedAt:RANGE]",
                "pending-events[outboxState:HASH, pendingSince:RANGE]");
        assertThat(indexes(describe(TableDefinitions::notifications)))
                .containsExactly("by-recipient[recipientId:HASH, createdAt:RANGE]");
        assertThat(keys(describe(TableDefinitions::recipients))).containsExactly("id:HASH");
        assertThat(keys(describe(TableDefinitions::idempotency))).containsExactly("key:HASH");
        for (Function<String, CreateTableRequest> table : List.<Function<String, CreateTableRequest>>of(
                TableDefinitions::users, TableDefinitions::orders, TableDefinitions::notifications,
                TableDefinitions::recipients, TableDefinitions::idempotency)) {
            assertThat(table.apply("t").billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        }
    }

    private static TableDescription describe(Function<String, CreateTableRequest> definition) {
        String name = dynamo.createTable(definition);
        return dynamo.client().describeTable(b -> b.tableName(name)).table();
    }

    private static List<String> keys(TableDescription table) {
        return table.keySchema().stream().map(TableDefinitionsTest::key).toList();
    }

    private static List<String> indexes(TableDescription table) {
        return table.globalSecondaryIndexes().stream().map(TableDefinitionsTest::index).toList();
    }

    private static String index(GlobalSecondaryIndexDescription index) {
        return index.indexName() + index.keySchema().stream().map(TableDefinitionsTest::key).toList();
    }

    private static String key(KeySchemaElement key) {
        return key.attributeName() + ":" + key.keyTypeAsString();
    }
}
