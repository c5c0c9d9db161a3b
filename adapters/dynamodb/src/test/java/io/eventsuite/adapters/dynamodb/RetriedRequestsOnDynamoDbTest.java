package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.aliceRegistration;
import static io.eventsuite.domain.testing.Fixtures.anOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.idempotency.RequestKey;
import io.eventsuite.domain.order.CancelOrder;
import io.eventsuite.domain.order.CancelResult;
import io.eventsuite.domain.order.CancelingOrder;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.PlaceOrder;
import io.eventsuite.domain.order.PlacingOrder;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.testing.SequentialIds;
import io.eventsuite.domain.user.RegisteringUser;
import io.eventsuite.domain.user.UpdateResult;
import io.eventsuite.domain.user.UpdateUser;
import io.eventsuite.domain.user.UpdatingUser;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Requests retried after partial failures, through the use cases, the idempotency store and the repositories on
 * dynalite, with faults injected into the SDK: a write committed and its response lost (the SDK retries it), the
 * result not stored after the write (the client retries under the same key once the lock expired), and a retry
 * after everything was stored.
 */
class RetriedRequestsOnDynamoDbTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(StrictJson.create().mapper());
    private static final Duration LOCK = Duration.ofMinutes(2);
    private static final Duration KEEP = Duration.ofHours(24);
    /** More than the SDK's standard retries make for DynamoDB, so the call fails for good. */
    private static final int EVERY_ATTEMPT = 100;
    private static LocalDynamo dynamo;

    private final MutableClock clock = new MutableClock();
    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final byte[] cursorKey = LocalDynamo.randomKey();
    private String ordersTable;
    private String idempotencyTable;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(RetriedRequestsOnDynamoDbTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @BeforeEach
    void createTables() {
        ordersTable = dynamo.createTable(TableDefinitions::orders);
        idempotencyTable = dynamo.createTable(TableDefinitions::idempotency);
    }

    @Test
    void anOrderWhoseWriteCommittedButWhoseResponseWasLostIsPlacedOnceAndAnsweredOnTheSdksRetry() {
        SdkFaults faults = new SdkFaults().loseResponses("PutItem", 1);
        Execution placed;
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            placed = new Service(client, dynamo.client()).place("key-1");
        }

        assertThat(faults.attempts()).filteredOn("PutItem"::equals).hasSize(2);
        assertThat(ordersOfAlice()).singleElement()
                .satisfies(order -> assertThat(placed).isEqualTo(new Execution.Fresh(order.id().value())));
        assertThat(publisher.publishedOfType(OrderPlaced.class)).hasSize(1);
    }

    @Test
    void aRetryAfterTheResultCouldNotBeStoredGetsTheSameOrderNotASecondOne() {
        SdkFaults faults = new SdkFaults().failBeforeSending("UpdateItem", EVERY_ATTEMPT);
        try (DynamoDbClient idempotency = dynamo.clientWith(faults)) {
            Service failingToComplete = new Service(dynamo.client(), idempotency);
            assertThatThrownBy(() -> failingToComplete.place("key-1")).isInstanceOf(SdkClientException.class);
        }
        Service anotherEnvironment = new Service(dynamo.client(), dynamo.client());
        assertThat(anotherEnvironment.place("key-1")).isEqualTo(new Execution.Rejected(Execution.Reason.IN_PROGRESS));

        clock.advance(LOCK);
        Execution retry = anotherEnvironment.place("key-1");

        assertThat(ordersOfAlice()).singleElement()
                .satisfies(order -> assertThat(retry).isEqualTo(new Execution.Fresh(order.id().value())));
        assertThat(publisher.publishedOfType(OrderPlaced.class)).hasSize(1);
    }

    @Test
    void aRetryAfterTheWriteCommittedButEveryAttemptsResponseWasLostGetsTheSameOrder() {
        SdkFaults faults = new SdkFaults().loseResponses("PutItem", EVERY_ATTEMPT);
        try (DynamoDbClient orders = dynamo.clientWith(faults)) {
            Service losingEveryAnswer = new Service(orders, dynamo.client());
            assertThatThrownBy(() -> losingEveryAnswer.place("key-1")).isInstanceOf(SdkClientException.class);
        }

        clock.advance(LOCK);
        Execution retry = new Service(dynamo.client(), dynamo.client()).place("key-1");

        assertThat(ordersOfAlice()).singleElement()
                .satisfies(order -> assertThat(retry).isEqualTo(new Execution.Fresh(order.id().value())));
    }

    @Test
    void aRetryAfterEverythingWasStoredIsReplayed() {
        Service service = new Service(dynamo.client(), dynamo.client());
        Execution first = service.place("key-1");

        Execution retry = service.place("key-1");

        assertThat(retry).isEqualTo(new Execution.Replayed(((Execution.Fresh) first).result()));
        assertThat(ordersOfAlice()).hasSize(1);
    }

    @Test
    void aCancellationWhoseResponseWasLostIsAnsweredCancelledOnTheSdksRetry() {
        Order order = new Service(dynamo.client(), dynamo.client()).placing.place(anOrderOf(ALICE));
        SdkFaults faults = new SdkFaults().loseResponses("UpdateItem", 1);
        Execution cancelled;
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            cancelled = new Service(client, dynamo.client()).cancel("key-9", order.id());
        }

        assertThat(cancelled).isEqualTo(new Execution.Fresh("Cancelled v2"));
    }

    @Test
    void aCancellationRetriedAfterItsResultCouldNotBeStoredIsAnsweredCancelledNotIllegalTransition() {
        Order order = new Service(dynamo.client(), dynamo.client()).placing.place(anOrderOf(ALICE));
        SdkFaults faults = new SdkFaults().failBeforeSending("UpdateItem", EVERY_ATTEMPT);
        try (DynamoDbClient idempotency = dynamo.clientWith(faults)) {
            Service failingToComplete = new Service(dynamo.client(), idempotency);
            assertThatThrownBy(() -> failingToComplete.cancel("key-9", order.id()))
                    .isInstanceOf(SdkClientException.class);
        }

        clock.advance(LOCK);

        Service anotherEnvironment = new Service(dynamo.client(), dynamo.client());
        assertThat(anotherEnvironment.cancel("key-9", order.id())).isEqualTo(new Execution.Fresh("Cancelled v2"));
        assertThat(anotherEnvironment.cancel("key-10", order.id())).isEqualTo(new Execution.Fresh("IllegalTransition"));
    }

    @Test
    void aUserUpdateWhoseResponseWasLostIsAnsweredUpdatedNotAVersionConflict() {
        String usersTable = dynamo.createTable(TableDefinitions::users);
        new RegisteringUser(new DynamoDbUsers(dynamo.client(), usersTable, CODEC, clock), clock,
                new SequentialIds("evt-"), publisher).register(aliceRegistration());
        SdkFaults faults = new SdkFaults().loseResponses("UpdateItem", 1);
        UpdateResult result;
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            DynamoDbUsers users = new DynamoDbUsers(client, usersTable, CODEC, clock);
            result = new UpdatingUser(users, clock, new SequentialIds("evt-u-"), publisher).update(alice(),
                    new UpdateUser(ALICE, 1, Optional.of("Alice B"), Optional.empty(), Optional.empty()));
        }

        assertThat(faults.attempts()).filteredOn("UpdateItem"::equals).hasSize(2);
        assertThat(result).isInstanceOfSatisfying(UpdateResult.Updated.class,
                updated -> assertThat(updated.user().version()).isEqualTo(2));
    }

    private List<Order> ordersOfAlice() {
        return new DynamoDbOrders(dynamo.client(), ordersTable, CODEC, cursorKey)
                .findByCustomer(ALICE, PageRequest.first(100)).items();
    }

    /**
     * The order service of one execution environment, the way its routes use it under the Idempotency-Key
     * contract; the response is reduced to the order id or the outcome's name.
     */
    private final class Service {

        final PlacingOrder placing;
        final CancelingOrder canceling;
        final IdempotentExecution execution;

        Service(DynamoDbClient ordersClient, DynamoDbClient idempotencyClient) {
            DynamoDbOrders orders = new DynamoDbOrders(ordersClient, ordersTable, CODEC, cursorKey);
            SequentialIds ids = new SequentialIds("evt-" + UUID.randomUUID() + "-");
            this.placing = new PlacingOrder(orders, clock, ids, publisher);
            this.canceling = new CancelingOrder(orders, clock, ids, publisher);
            this.execution = new IdempotentExecution(
                    new DynamoDbIdempotencyStore(idempotencyClient, idempotencyTable, "placeOrder"), clock, LOCK, KEEP);
        }

        Execution place(String key) {
            String scoped = ALICE.value() + "|POST /orders|" + key;
            PlaceOrder order = anOrderOf(ALICE);
            String fingerprint = order.lines().toString();
            PlaceOrder keyed = new PlaceOrder(ALICE, order.lines(), Optional.of(RequestKey.of(scoped, fingerprint)));
            return execution.run(scoped, fingerprint, () -> placing.place(keyed).id().value());
        }

        Execution cancel(String key, OrderId id) {
            String scoped = ALICE.value() + "|POST /orders/{id}/cancel|" + key;
            String fingerprint = "/orders/" + id.value() + "/cancel";
            CancelOrder command = new CancelOrder(id, null, Optional.of(RequestKey.of(scoped, fingerprint)));
            return execution.run(scoped, fingerprint, () -> switch (canceling.cancel(alice(), command)) {
                case CancelResult.Cancelled(Order cancelled) -> "Cancelled v" + cancelled.version();
                case CancelResult other -> other.getClass().getSimpleName();
            });
        }
    }
}
