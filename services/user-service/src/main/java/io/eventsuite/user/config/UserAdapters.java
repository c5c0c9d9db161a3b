package io.eventsuite.user.config;

import io.eventsuite.adapters.dynamodb.PrimingMappings;
import io.eventsuite.adapters.dynamodb.DynamoDbPendingEvents;
import io.eventsuite.adapters.dynamodb.DynamoDbUsers;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.wiring.AwsClientsConfiguration;
import io.eventsuite.adapters.wiring.IdempotencyStoreConfiguration;
import io.eventsuite.adapters.wiring.OutboxConfiguration;
import io.eventsuite.adapters.wiring.RelayFunction;
import io.eventsuite.domain.user.Users;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.outbox.PendingEvents;
import java.time.Clock;
import io.eventsuite.adapters.wiring.priming.PrimingItem;
import io.eventsuite.platform.snapstart.PrimingRead;
import io.eventsuite.platform.tracing.InvocationTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The user service's adapters: the users table (with its outbox), the idempotency table, the user topic. */
@Configuration(proxyBeanMethods = false)
@Import({AwsClientsConfiguration.class, OutboxConfiguration.class, IdempotencyStoreConfiguration.class})
public class UserAdapters {

    @Bean
    Users users(DynamoDbClient dynamo, @Value("${USERS_TABLE}") String table, CloudEventCodec codec, Clock clock) {
        return new DynamoDbUsers(dynamo, table, codec, clock);
    }

    @Bean
    PendingEvents pendingEvents(DynamoDbClient dynamo, @Value("${USERS_TABLE}") String table) {
        return new DynamoDbPendingEvents(dynamo, table);
    }

    /** Scheduled every minute: republishes user events still pending in the users table. */
    @Bean
    RelayFunction relayPendingEvents(OutboxRelay relay, InvocationTracing tracing, InvocationMetrics metrics) {
        return RelayFunction.of(relay, tracing, metrics);
    }

    /** For the SnapStart snapshot: a found user's mapping from its item (and to it), in memory. */
    @Bean
    PrimingRead primeUserMapping() {
        return () -> PrimingMappings.user(UserPriming.sampleUser());
    }

    /** For the SnapStart snapshot's in-memory priming: the sample user, as a GetItem answered in memory finds it. */
    @Bean
    PrimingItem sampleUserItem(@Value("${USERS_TABLE:}") String table) {
        return new PrimingItem(table, PrimingMappings.userItem(UserPriming.sampleUser()));
    }

    /** For the SnapStart snapshot: a read of an id that cannot exist warms the SDK client and the mapping. */
    @Bean
    PrimingRead primeDynamoDbRead(ObjectProvider<Users> users) {
        return () -> users.getObject().findById(new UserId("snapstart-priming"));
    }
}
