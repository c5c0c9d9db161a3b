package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static io.eventsuite.domain.testing.Fixtures.aliceAsRecipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.eventsuite.adapters.dynamodb.DynamoDbActions.Action;
import io.eventsuite.adapters.dynamodb.DynamoDbActions.Call;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.NotificationKind;
import io.eventsuite.domain.notification.RenderedMessage;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.testing.Fixtures;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link DynamoDbActions} is what IAM grants, so it must be exactly what the repositories call: each declared
 * method is driven through each of its paths (found and not, condition held and failed) on dynalite, and the
 * calls its client made are compared with the declaration. A call no one declared would be refused in AWS; a
 * declared call no path makes would be a permission granted for nothing.
 */
class DynamoDbActionsTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(StrictJson.create().mapper());
    private static final List<Class<?>> REPOSITORIES = List.of(DynamoDbUsers.class, DynamoDbOrders.class,
            DynamoDbNotifications.class, DynamoDbRecipients.class, DynamoDbPendingEvents.class,
            DynamoDbIdempotencyStore.class);

    private static LocalDynamo dynamo;
    private static DynamoDbClient watched;
    private static final List<Call> calls = new CopyOnWriteArrayList<>();

    private final MutableClock clock = new MutableClock();

    /** Records each call's action, and the index of a Query. */
    private static final class Watcher implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Action action = Action.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            Optional<String> index = context.request() instanceof QueryRequest query
                    ? Optional.ofNullable(query.indexName()) : Optional.empty();
            calls.add(new Call(action, index));
        }
    }

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbActionsTest.class);
        watched = dynamo.clientWith(new Watcher());
    }

    @AfterAll
    static void stopDynalite() {
        watched.close();
        dynamo.close();
    }

    /** Each method's paths: setup through the unwatched client, the method's own calls through the watched one. */
    private Map<String, Runnable> scenarios() {
        Map<String, Runnable> runs = new LinkedHashMap<>();
        runs.put("DynamoDbUsers.findById", () -> {
            String table = dynamo.createTable(TableDefinitions::users);
            users(dynamo.client(), table).add(Fixtures.alice(1), List.of());
            users(watched, table).findById(ALICE);
            users(watched, table).findById(Fixtures.BOB);
        });
        runs.put("DynamoDbUsers.erasedVersion", () -> {
            String table = dynamo.createTable(TableDefinitions::users);
            users(dynamo.client(), table).add(Fixtures.alice(1), List.of());
            users(watched, table).erasedVersion(ALICE);
            users(dynamo.client(), table).erase(ALICE, 1, List.of());
            users(watched, table).erasedVersion(ALICE);
        });
        runs.put("DynamoDbUsers.add", () -> {
            String table = dynamo.createTable(TableDefinitions::users);
            DynamoDbUsers users = users(watched, table);
            users.add(Fixtures.alice(1), List.of());
            users.add(Fixtures.alice(1), List.of());
            users(dynamo.client(), table).erase(ALICE, 1, List.of());
            users.add(Fixtures.alice(1), List.of());
        });
        runs.put("DynamoDbUsers.replace", () -> {
            String table = dynamo.createTable(TableDefinitions::users);
            users(dynamo.client(), table).add(Fixtures.alice(1), List.of());
            users(watched, table).replace(Fixtures.alice(2), 1, List.of());
            users(watched, table).replace(Fixtures.alice(2), 1, List.of());
        });
        runs.put("DynamoDbUsers.erase", () -> {
            String table = dynamo.createTable(TableDefinitions::users);
            users(dynamo.client(), table).add(Fixtures.alice(1), List.of());
            users(watched, table).erase(ALICE, 1, List.of());
            users(watched, table).erase(ALICE, 1, List.of());
        });

        runs.put("DynamoDbOrders.findById", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            orders(dynamo.client(), table).add(order("o-1"), List.of());
            orders(watched, table).findById(new OrderId("o-1"));
            orders(watched, table).findById(new OrderId("o-2"));
        });
        runs.put("DynamoDbOrders.add", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            assertThat(orders(watched, table).add(order("o-1"), List.of())).isTrue();
            assertThat(orders(watched, table).add(order("o-1"), List.of())).isFalse();
        });
        runs.put("DynamoDbOrders.replace", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            orders(dynamo.client(), table).add(order("o-1"), List.of());
            orders(watched, table).replace(order("o-1"), 1, List.of());
            orders(watched, table).replace(order("o-1"), 7, List.of());
        });
        runs.put("DynamoDbOrders.findByCustomer", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            for (String id : List.of("o-1", "o-2", "o-3")) {
                orders(dynamo.client(), table).add(order(id), List.of());
            }
            DynamoDbOrders orders = orders(watched, table);
            var first = orders.findByCustomer(ALICE, PageRequest.first(2));
            orders.findByCustomer(ALICE, PageRequest.first(2).after(first.nextCursor().orElseThrow()));
        });

        runs.put("DynamoDbNotifications.findById", () -> {
            String table = dynamo.createTable(TableDefinitions::notifications);
            notifications(dynamo.client(), table).addPending(notification("e-1"));
            notifications(watched, table).findById(notification("e-1").id());
            notifications(watched, table).findById(new NotificationId("unknown"));
        });
        runs.put("DynamoDbNotifications.addPending", () -> {
            String table = dynamo.createTable(TableDefinitions::notifications);
            notifications(watched, table).addPending(notification("e-1"));
            notifications(watched, table).addPending(notification("e-1"));
        });
        runs.put("DynamoDbNotifications.markSent", () -> {
            String table = dynamo.createTable(TableDefinitions::notifications);
            notifications(dynamo.client(), table).addPending(notification("e-1"));
            notifications(watched, table).markSent(notification("e-1").id());
            notifications(watched, table).markSent(new NotificationId("unknown"));
        });
        runs.put("DynamoDbNotifications.delete", () -> {
            String table = dynamo.createTable(TableDefinitions::notifications);
            notifications(dynamo.client(), table).addPending(notification("e-1"));
            notifications(watched, table).delete(notification("e-1").id());
            notifications(watched, table).delete(notification("e-1").id());
        });
        runs.put("DynamoDbNotifications.findByRecipient", () -> {
            String table = dynamo.createTable(TableDefinitions::notifications);
            for (String event : List.of("e-1", "e-2", "e-3")) {
                notifications(dynamo.client(), table).addPending(notification(event));
            }
            DynamoDbNotifications notifications = notifications(watched, table);
            var first = notifications.findByRecipient(ALICE, PageRequest.first(2));
            notifications.findByRecipient(ALICE, PageRequest.first(2).after(first.nextCursor().orElseThrow()));
        });
        runs.put("DynamoDbNotifications.deleteByRecipient", () -> {
            String table = dynamo.createTable(TableDefinitions::notifications);
            notifications(dynamo.client(), table).addPending(notification("e-1"));
            notifications(watched, table).deleteByRecipient(ALICE);
            notifications(watched, table).deleteByRecipient(ALICE);
        });

        runs.put("DynamoDbRecipients.find", () -> {
            String table = dynamo.createTable(TableDefinitions::recipients);
            new DynamoDbRecipients(dynamo.client(), table, Clock.systemUTC()).upsertIfNewer(recipient());
            new DynamoDbRecipients(watched, table, Clock.systemUTC()).find(ALICE);
            new DynamoDbRecipients(watched, table, Clock.systemUTC()).find(Fixtures.BOB);
        });
        runs.put("DynamoDbRecipients.upsertIfNewer", () -> {
            String table = dynamo.createTable(TableDefinitions::recipients);
            new DynamoDbRecipients(watched, table, Clock.systemUTC()).upsertIfNewer(recipient());
            new DynamoDbRecipients(watched, table, Clock.systemUTC()).upsertIfNewer(recipient());
        });
        runs.put("DynamoDbRecipients.eraseIfNewer", () -> {
            String table = dynamo.createTable(TableDefinitions::recipients);
            new DynamoDbRecipients(dynamo.client(), table, Clock.systemUTC()).upsertIfNewer(recipient());
            new DynamoDbRecipients(watched, table, Clock.systemUTC()).eraseIfNewer(ALICE, recipient().version() + 1);
            new DynamoDbRecipients(watched, table, Clock.systemUTC()).eraseIfNewer(ALICE, recipient().version() + 1);
        });

        runs.put("DynamoDbPendingEvents.oldest", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            Order placed = order("o-1");
            orders(dynamo.client(), table).add(placed, List.of(Fixtures.anEnvelope("evt-1",
                    Fixtures.anOrderPlacedFor(ALICE, "o-1"))));
            // An item left in the index with an empty map (a clean-up step that failed): oldest() drops it.
            dynamo.client().putItem(b -> b.tableName(table).item(Map.of(
                    "id", AttributeValue.fromS("o-left"),
                    PendingEventItems.OUTBOX_STATE, AttributeValue.fromS(PendingEventItems.PENDING),
                    PendingEventItems.PENDING_SINCE, AttributeValue.fromS("2000-01-01T00:00:00Z"),
                    PendingEventItems.PENDING_EVENTS, AttributeValue.fromM(Map.of()))));
            assertThat(new DynamoDbPendingEvents(watched, table).oldest(10)).hasSize(1);
        });
        runs.put("DynamoDbPendingEvents.markPublished", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            orders(dynamo.client(), table).add(order("o-1"), List.of(Fixtures.anEnvelope("evt-1",
                    Fixtures.anOrderPlacedFor(ALICE, "o-1"))));
            new DynamoDbPendingEvents(watched, table).markPublished("o-1", List.of("evt-1"));
            new DynamoDbPendingEvents(watched, table).markPublished("o-unknown", List.of("evt-1"));
        });
        runs.put("DynamoDbPendingEvents.recordRefusals", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            orders(dynamo.client(), table).add(order("o-1"), List.of(Fixtures.anEnvelope("evt-1",
                    Fixtures.anOrderPlacedFor(ALICE, "o-1"))));
            DynamoDbPendingEvents pending = new DynamoDbPendingEvents(watched, table);
            assertThat(pending.recordRefusals("o-1", List.of("evt-1"), 2)).isEmpty();
            assertThat(pending.recordRefusals("o-1", List.of("evt-1", "evt-gone"), 2)).containsExactly("evt-1");
            assertThat(pending.recordRefusals("o-unknown", List.of("evt-1"), 2)).isEmpty();
        });
        runs.put("DynamoDbPendingEvents.parkedCount", () -> {
            String table = dynamo.createTable(TableDefinitions::orders);
            orders(dynamo.client(), table).add(order("o-1"), List.of(Fixtures.anEnvelope("evt-1",
                    Fixtures.anOrderPlacedFor(ALICE, "o-1"))));
            new DynamoDbPendingEvents(dynamo.client(), table).recordRefusals("o-1", List.of("evt-1"), 1);
            assertThat(new DynamoDbPendingEvents(watched, table).parkedCount()).isEqualTo(1);
        });

        runs.put("DynamoDbIdempotencyStore.begin", () -> {
            DynamoDbIdempotencyStore store = idempotency(watched, dynamo.createTable(TableDefinitions::idempotency));
            store.begin("k", "fp", clock.instant(), Duration.ofSeconds(30));
            store.begin("k", "fp", clock.instant(), Duration.ofSeconds(30));
        });
        runs.put("DynamoDbIdempotencyStore.complete", () -> {
            // The claim token lives in the instance that began, so begin runs watched too and is forgotten.
            DynamoDbIdempotencyStore store = idempotency(watched, dynamo.createTable(TableDefinitions::idempotency));
            store.begin("k", "fp", clock.instant(), Duration.ofSeconds(30));
            calls.clear();
            store.complete("k", "done", clock.instant(), Duration.ofHours(1));
        });
        runs.put("DynamoDbIdempotencyStore.release", () -> {
            DynamoDbIdempotencyStore store = idempotency(watched, dynamo.createTable(TableDefinitions::idempotency));
            store.begin("k", "fp", clock.instant(), Duration.ofSeconds(30));
            calls.clear();
            store.release("k");
        });
        return runs;
    }

    @TestFactory
    Stream<DynamicTest> everyDeclaredMethodMakesExactlyItsDeclaredCalls() {
        return scenarios().entrySet().stream().map(scenario -> dynamicTest(scenario.getKey(), () -> {
            calls.clear();
            scenario.getValue().run();
            assertThat(new LinkedHashSet<>(calls)).as("calls of " + scenario.getKey())
                    .containsExactlyInAnyOrderElementsOf(DynamoDbActions.of(scenario.getKey()));
        }));
    }

    @Test
    void everyDeclaredMethodHasAScenarioAndNoScenarioIsUndeclared() {
        assertThat(new TreeSet<>(scenarios().keySet())).isEqualTo(new TreeSet<>(DynamoDbActions.methods()));
    }

    @Test
    void everyPublicMethodOfTheRepositoriesIsDeclared() {
        Set<String> methods = REPOSITORIES.stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                        .map(Method::getName).map(name -> type.getSimpleName() + "." + name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(methods).isEqualTo(new TreeSet<>(DynamoDbActions.methods()));
    }

    @Test
    void anUndeclaredMethodIsAnErrorNotAnEmptyGrant() {
        assertThatThrownBy(() -> DynamoDbActions.of("DynamoDbUsers.scanAll"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DynamoDbUsers.scanAll");
    }

    private DynamoDbUsers users(DynamoDbClient client, String table) {
        return new DynamoDbUsers(client, table, CODEC, clock);
    }

    private static DynamoDbOrders orders(DynamoDbClient client, String table) {
        return new DynamoDbOrders(client, table, CODEC, LocalDynamo.randomKey());
    }

    private static DynamoDbNotifications notifications(DynamoDbClient client, String table) {
        return new DynamoDbNotifications(client, table, KEY);
    }

    private static DynamoDbIdempotencyStore idempotency(DynamoDbClient client, String table) {
        return new DynamoDbIdempotencyStore(client, table, "test");
    }

    private static final byte[] KEY = LocalDynamo.randomKey();

    private Order order(String id) {
        return aPlacedOrder(id, ALICE, clock.instant().plusSeconds(id.hashCode() % 100));
    }

    private Notification notification(String eventId) {
        return Notification.pending(new EventId(eventId), ALICE,
                new RenderedMessage(NotificationKind.WELCOME, "Welcome", "Hello"), clock.instant().plusSeconds(eventId.hashCode() % 100));
    }

    private static io.eventsuite.domain.notification.Recipient recipient() {
        return aliceAsRecipient(NotificationPreferences.DEFAULT);
    }
}
