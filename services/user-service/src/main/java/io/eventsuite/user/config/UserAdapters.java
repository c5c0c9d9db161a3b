package io.eventsuite.user.config;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.event.DomainEvent;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.user.User;
import io.eventsuite.platform.events.TransportContext;
import java.time.Instant;
import java.util.List;
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

    /** For the SnapStart snapshot: a read of an id that cannot exist warms the SDK client and the mapping. */
    /**
     * For the SnapStart snapshot: the events the user routes emit, encoded as CloudEvents in memory (as the outbox
     * write and the publish encode them), so their JSON serializers are built before the snapshot. Nothing is stored
     * or published.
     */
    @Bean
    PrimingRead primeEventEncoding(CloudEventCodec codec) {
        return () -> {
            User user = UserPriming.sampleUser();
            for (DomainEvent event : List.of(
                    new UserRegistered(user.id(), user.version(), user.displayName(), user.email(), user.preferences()),
                    new UserUpdated(user.id(), user.version() + 1, user.displayName(), user.email(),
                            user.preferences()),
                    new UserDeleted(user.id(), user.version() + 2))) {
                codec.encode(EventEnvelope.wrap(new EventId("snapstart-priming"), EventSources.USERS, Instant.EPOCH,
                        event), TransportContext.NONE);
            }
        };
    }

    /** For the SnapStart snapshot: a found user's mapping from its item (and to it), in memory. */
    @Bean
    PrimingRead primeUserMapping() {
        return () -> PrimingMappings.user(UserPriming.sampleUser());
    }

    @Bean
    PrimingRead primeDynamoDbRead(ObjectProvider<Users> users) {
        return () -> users.getObject().findById(new UserId("snapstart-priming"));
    }
}
