package io.eventsuite.adapters.dynamodb;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.dynamodb.DynaliteEmulator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * One dynalite for a test class, reached through the real SDK client the way the services build it
 * (url-connection HTTP client). Tables are created from {@link TableDefinitions} under fresh names.
 */
final class LocalDynamo implements AutoCloseable {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final DynaliteEmulator dynalite;
    private final DynamoDbClient client;
    private final String prefix;

    private LocalDynamo(DynaliteEmulator dynalite, String prefix) {
        this.dynalite = dynalite;
        this.prefix = prefix;
        this.client = clientBuilder().build();
    }

    private DynamoDbClientBuilder clientBuilder() {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.of(DynaliteEmulator.DEFAULT_REGION))
                .credentialsProvider(LocalEmulators.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    static LocalDynamo start(Class<?> testClass) {
        return new LocalDynamo(DynaliteEmulator.start(), testClass.getSimpleName());
    }

    DynamoDbClient client() {
        return client;
    }

    /** Another client to the same dynalite, with the SDK's standard retries and {@code faults} in its pipeline. */
    DynamoDbClient clientWith(ExecutionInterceptor faults) {
        return clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(faults)).build();
    }

    /**
     * Creates a table under a name no other test uses and returns its name once it is ACTIVE. dynalite answers
     * CreateTable at once but activates the table on a timer, even with {@code --createTableMs 0}; a write in
     * between fails with ResourceNotFound. (The SDK waiter would poll only every 20 s.)
     */
    String createTable(Function<String, CreateTableRequest> definition) {
        String name = prefix + "-" + TABLES.incrementAndGet();
        client.createTable(definition.apply(name));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!isActive(name)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + name + " did not become ACTIVE");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return name;
    }

    private boolean isActive(String name) {
        TableDescription table = client.describeTable(b -> b.tableName(name)).table();
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
    }

    /** The item as stored, every attribute, read consistently. */
    Optional<Map<String, AttributeValue>> rawItem(String table, String keyName, String keyValue) {
        var response = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(keyName, AttributeValue.fromS(keyValue))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        client.close();
        dynalite.close();
    }
}
