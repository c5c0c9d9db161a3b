package io.eventsuite.platform.config;

import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.platform.http.IdempotencyKeyContract;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.eventsuite.platform.json.StrictJson;

/**
 * The {@code Idempotency-Key} contract, for services with routes that create something. Needs an
 * {@link IdempotencyStore} bean.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    IdempotentExecution idempotentExecution(IdempotencyStore store, Clock clock,
            @Value("${eventsuite.idempotency.lock-for}") Duration lockFor,
            @Value("${eventsuite.idempotency.keep-for}") Duration keepFor) {
        return new IdempotentExecution(store, clock, lockFor, keepFor);
    }

    @Bean
    IdempotencyKeyContract idempotencyKeyContract(IdempotentExecution idempotentExecution, StrictJson strictJson) {
        return new IdempotencyKeyContract(idempotentExecution, strictJson.mapper());
    }
}
