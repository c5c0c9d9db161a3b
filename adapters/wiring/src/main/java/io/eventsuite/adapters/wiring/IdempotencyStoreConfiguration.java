package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.dynamodb.DynamoDbIdempotencyStore;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code Idempotency-Key} and processed-event records, in the table named by {@code IDEMPOTENCY_TABLE}, under
 * the key prefix {@code IDEMPOTENCY_KEY_PREFIX} (the function's bean name in the template), which the function's
 * IAM policy restricts it to.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyStoreConfiguration {

    /** One instance per container: it remembers the claim tokens of the keys it began. */
    @Bean
    IdempotencyStore idempotencyStore(DynamoDbClient dynamo, @Value("${IDEMPOTENCY_TABLE}") String table,
            @Value("${IDEMPOTENCY_KEY_PREFIX}") String keyPrefix) {
        return new DynamoDbIdempotencyStore(dynamo, table, keyPrefix);
    }
}
