package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.dynamodb.DynamoDbIdempotencyStore;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The {@code Idempotency-Key} records, in the table named by {@code IDEMPOTENCY_TABLE}. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyStoreConfiguration {

    /** One instance per container: it remembers the claim tokens of the keys it began. */
    @Bean
    IdempotencyStore idempotencyStore(DynamoDbClient dynamo, @Value("${IDEMPOTENCY_TABLE}") String table) {
        return new DynamoDbIdempotencyStore(dynamo, table);
    }
}
