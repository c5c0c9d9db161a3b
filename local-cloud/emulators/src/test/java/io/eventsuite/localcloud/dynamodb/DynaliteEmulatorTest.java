package io.eventsuite.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.eventsuite.localcloud.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * dynalite through the real DynamoDbClient. dynalite is installed by this module's build (npm ci): when
 * node or dynalite is missing this fails with the command to run, it does not skip.
 */
class DynaliteEmulatorTest {

    @Test
    void createTablePutAndGetThroughTheSdk() {
        try (DynaliteEmulator dynalite = DynaliteEmulator.start();
             DynamoDbClient dynamo = TestClients.dynamoDb(dynalite.endpoint())) {
            assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");

            dynamo.createTable(b -> b.tableName("users")
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            // With --createTableMs 0 the table turns ACTIVE on dynalite's next timer tick, not in the CreateTable
            // answer itself: on a loaded machine a describe can still see CREATING, so poll briefly (the SDK's
            // waiter would first sleep 20 s).
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            TableStatus status;
            while ((status = dynamo.describeTable(b -> b.tableName("users")).table().tableStatus()) != TableStatus.ACTIVE
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(status).isEqualTo(TableStatus.ACTIVE);

            dynamo.putItem(b -> b.tableName("users").item(Map.of(
                    "pk", AttributeValue.fromS("user#1"),
                    "name", AttributeValue.fromS("Ada"),
                    "version", AttributeValue.fromN("1"))));
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("users").consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("user#1")))).item();

            assertThat(item).containsEntry("name", AttributeValue.fromS("Ada"))
                    .containsEntry("version", AttributeValue.fromN("1"));
            assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("users")
                    .item(Map.of("pk", AttributeValue.fromS("user#1")))
                    .conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            assertThat(dynamo.listTables().tableNames()).containsExactly("users");
        }
    }

    @Test
    void closeStopsTheProcess() {
        DynaliteEmulator dynalite = DynaliteEmulator.start();
        assertThat(dynalite.isAlive()).isTrue();

        dynalite.close();

        assertThat(dynalite.isAlive()).isFalse();
    }

    @Test
    void aDynaliteThatDiesIsReportedWithItsOutput() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> DynaliteEmulator.start(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dynalite exited with code")
                    .hasMessageContaining("--port " + taken.getLocalPort())
                    .hasMessageContaining("EADDRINUSE");
        }
    }

    @Test
    void aMissingInstallNamesTheNpmCommand(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("package.json"), "{}");
        String previous = System.getProperty(DynaliteEmulator.HOME_PROPERTY);
        System.setProperty(DynaliteEmulator.HOME_PROPERTY, home.toString());
        try {
            assertThatThrownBy(DynaliteEmulator::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dynalite is not installed")
                    .hasMessageContaining("npm ci --prefix local-cloud");
        } finally {
            if (previous == null) {
                System.clearProperty(DynaliteEmulator.HOME_PROPERTY);
            } else {
                System.setProperty(DynaliteEmulator.HOME_PROPERTY, previous);
            }
        }
    }
}
