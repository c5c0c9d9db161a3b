package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.alice;
import static io.eventsuite.domain.testing.Fixtures.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.domain.user.User;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.DecodedEvent;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEventsFull;
import io.eventsuite.platform.outbox.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbUsersTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(StrictJson.create().mapper());
    private static LocalDynamo dynamo;

    private final MutableClock clock = new MutableClock();
    private String table;
    private DynamoDbUsers users;
    private DynamoDbPendingEvents pending;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbUsersTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @BeforeEach
    void createTable() {
        table = dynamo.createTable(TableDefinitions::users);
        users = new DynamoDbUsers(dynamo.client(), table, CODEC, clock);
        pending = new DynamoDbPendingEvents(dynamo.client(), table);
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void storesAndReadsBackEveryField() {
        User user = new User(ALICE, "Ålice Ünicode", new Email("Alice.Smith@Example.com"),
                new NotificationPreferences(false, true), 7,
                Instant.parse("2025-06-01T09:00:00Z"), Instant.parse("2025-06-02T10:11:12.123456789Z"));

        assertThat(users.add(renamed(user, "first", 1), List.of())).isTrue();
        assertThat(users.replace(user, 1, List.of())).isTrue();

        assertThat(users.findById(ALICE)).contains(user);
        assertThat(users.findById(new UserId("nobody"))).isEmpty();
    }

    @Test
    void storesTheUserAndItsEventsInOneWrite() {
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put("spanId", "00f067aa0ba902b7");
        MDC.put("correlationId", "corr-12345678");
        EventEnvelope registered = registered("evt-1");

        users.add(alice(1), List.of(registered));

        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", ALICE.value()).orElseThrow();
        assertThat(raw.get("displayName").s()).isEqualTo("Alice");
        assertThat(raw.get("outboxState").s()).isEqualTo("PENDING");
        assertThat(raw.get("pendingSince").s()).isEqualTo("2025-06-01T09:00:00.000000000Z");
        Map<String, AttributeValue> stored = raw.get("pendingEvents").m().get("evt-1").m();
        assertThat(stored.get("type").s()).isEqualTo(UserRegistered.TYPE);
        assertThat(stored.get("seq").n()).isNotBlank();
        DecodedEvent decoded = CODEC.decode(stored.get("cloudEvent").s());
        assertThat(decoded.envelope()).isEqualTo(registered);
        assertThat(decoded.context().traceparent()).hasValueSatisfying(t ->
                assertThat(t.toString()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThat(decoded.context().correlationId()).contains("corr-12345678");
    }

    @Test
    void aUserWithoutEventsIsNotInThePendingIndex() {
        users.add(alice(1), List.of());

        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", ALICE.value()).orElseThrow();
        assertThat(raw.get("pendingEvents").m()).isEmpty();
        assertThat(raw).doesNotContainKeys("outboxState", "pendingSince");
        assertThat(pending.oldest(10)).isEmpty();
    }

    @Test
    void addingAnExistingUserIsRefusedAndChangesNothing() {
        users.add(alice(1), List.of(registered("evt-1")));

        User other = new User(ALICE, "Impostor", new Email("x@example.com"), NotificationPreferences.DEFAULT, 1,
                Instant.EPOCH, Instant.EPOCH);
        assertThat(users.add(other, List.of(registered("evt-2")))).isFalse();

        assertThat(users.findById(ALICE)).contains(alice(1));
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-1");
    }

    @Test
    void replaceNeedsTheStoredVersion() {
        users.add(alice(1), List.of());
        User renamed = renamed(alice(1), "Alice B", 2);

        assertThat(users.replace(renamed, 2, List.of(updated("evt-stale", renamed)))).isFalse();
        assertThat(users.findById(ALICE)).contains(alice(1));

        assertThat(users.replace(renamed, 1, List.of(updated("evt-2", renamed)))).isTrue();
        assertThat(users.findById(ALICE)).contains(renamed);
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-2");
    }

    @Test
    void replacingAnUnknownUserIsRefusedAndCreatesNothing() {
        assertThat(users.replace(alice(2), 1, List.of())).isFalse();

        assertThat(dynamo.rawItem(table, "id", ALICE.value())).isEmpty();
    }

    @Test
    void ofTwoConcurrentWritersOnTheSameVersionExactlyOneWins() throws Exception {
        users.add(alice(1), List.of());
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (String name : List.of("Writer A", "Writer B", "Writer C", "Writer D")) {
            User changed = renamed(alice(1), name, 2);
            writers.add(() -> users.replace(changed, 1, List.of(updated("evt-" + name.charAt(7), changed))));
        }

        List<Boolean> outcomes = race(writers);

        assertThat(outcomes).containsOnlyOnce(true);
        String winner = users.findById(ALICE).orElseThrow().displayName();
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-" + winner.charAt(7));
    }

    @Test
    void eraseLeavesATombstoneWithoutPersonalDataThatKeepsItsEventsAndTheErasuresVersionAndNeverExpires() {
        users.add(alice(1), List.of(registered("evt-1")));
        clock.set(Instant.parse("2025-07-01T12:00:00Z"));

        assertThat(users.erase(ALICE, 2, List.of(deleted("evt-stale")))).isFalse();
        assertThat(users.erase(ALICE, 1, List.of(deleted("evt-2")))).isTrue();

        assertThat(users.findById(ALICE)).isEmpty();
        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", ALICE.value()).orElseThrow();
        assertThat(raw)
                .doesNotContainKeys("displayName", "email", "preferences", "createdAt", "updatedAt", "expiresAt");
        assertThat(raw.get("version").n()).isEqualTo("2");
        assertThat(users.erasedVersion(ALICE)).hasValue(2);
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-1", "evt-2");
        assertThat(raw.get("pendingEvents").m().get("evt-2").m().get("cloudEvent").s()).doesNotContain("Alice");
    }

    @Test
    void aTombstoneWhoseUserDeletedIsParkedNeverExpires() {
        users.add(alice(1), List.of());
        users.erase(ALICE, 1, List.of(deleted("evt-poison")));

        assertThat(pending.recordRefusals(ALICE.value(), List.of("evt-poison"), 1)).containsExactly("evt-poison");

        Map<String, AttributeValue> raw = dynamo.rawItem(table, "id", ALICE.value()).orElseThrow();
        assertThat(raw).doesNotContainKey("expiresAt");
        assertThat(raw.get("outboxState").s()).isEqualTo("PARKED");
        assertThat(pending.parkedCount()).isEqualTo(1);
    }

    @Test
    void aTombstoneCannotBeReplacedOrErasedAgain() {
        users.add(alice(1), List.of());
        users.erase(ALICE, 1, List.of(deleted("evt-1")));

        assertThat(users.replace(alice(2), 1, List.of())).isFalse();
        assertThat(users.erase(ALICE, 1, List.of(deleted("evt-2")))).isFalse();
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-1");
    }

    @Test
    void registeringAgainAtTheVersionAfterTheErasureReplacesTheTombstoneAndCarriesItsPendingEventsOver() {
        users.add(alice(1), List.of(registered("evt-1")));
        users.erase(ALICE, 1, List.of(deleted("evt-2")));
        User again = new User(ALICE, "Alice Again", new Email("alice2@example.com"),
                new NotificationPreferences(true, false), 3, Instant.parse("2025-08-01T00:00:00Z"),
                Instant.parse("2025-08-01T00:00:00Z"));

        assertThat(users.add(renamed(again, "restarting at 1", 1), List.of())).isFalse();
        assertThat(users.add(renamed(again, "skipping a version", 4), List.of())).isFalse();
        assertThat(users.add(again, List.of(registered("evt-3", again)))).isTrue();

        assertThat(users.findById(ALICE)).contains(again);
        assertThat(users.erasedVersion(ALICE)).isEmpty();
        assertThat(dynamo.rawItem(table, "id", ALICE.value()).orElseThrow())
                .doesNotContainKeys("erasedAt", "expiresAt");
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-1", "evt-2", "evt-3");
        assertThat(users.add(again, List.of())).isFalse();
    }

    @Test
    void aRegistrationRacingAnotherOverATombstoneLosesCleanly() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client());
        DynamoDbUsers racing = new DynamoDbUsers(client, table, CODEC, clock);
        users.add(alice(1), List.of());
        users.erase(ALICE, 1, List.of());
        User winner = renamed(alice(1), "Winner", 3);
        // between finding the tombstone and reviving it, someone else registers
        client.before("UpdateItem", 1,
                () -> assertThat(users.add(winner, List.of(registered("evt-w", winner)))).isTrue());

        assertThat(racing.add(renamed(alice(1), "Loser", 3), List.of(registered("evt-l")))).isFalse();

        assertThat(users.findById(ALICE)).contains(winner);
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-w");
    }

    @Test
    void aTombstoneFromBeforeErasuresKeptTheirVersionIsRevivedAtVersionOne() {
        users.add(alice(1), List.of());
        // as erase wrote it before: personal data and version removed, an expiry for AWS TTL
        dynamo.client().updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(ALICE.value())))
                .updateExpression("REMOVE displayName, email, preferences, version, createdAt, updatedAt "
                        + "SET erasedAt = :t, expiresAt = :e")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("2025-07-01T12:00:00Z"),
                        ":e", AttributeValue.fromN("1754000000"))));

        assertThat(users.erasedVersion(ALICE)).hasValue(0);
        assertThat(users.add(alice(1), List.of())).isTrue();

        assertThat(users.findById(ALICE)).contains(alice(1));
        assertThat(dynamo.rawItem(table, "id", ALICE.value()).orElseThrow())
                .doesNotContainKeys("erasedAt", "expiresAt");
    }

    @Test
    void erasedVersionIsEmptyForALiveOrUnknownUser() {
        users.add(alice(1), List.of());

        assertThat(users.erasedVersion(ALICE)).isEmpty();
        assertThat(users.erasedVersion(new UserId("nobody"))).isEmpty();
    }

    @Test
    void usesTheItemReturnedWithTheFailedConditionInsteadOfReadingIt() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client())
                .returningOldItemOnConditionFailure();
        DynamoDbUsers withAllOld = new DynamoDbUsers(client, table, CODEC, clock);
        users.add(alice(1), List.of());

        assertThat(withAllOld.add(alice(1), List.of())).isFalse();

        assertThat(client.calls()).containsExactly("PutItem");
    }

    @Test
    void aStoredValueTheDomainRefusesIsAServerErrorNotInvalidInput() {
        users.add(alice(1), List.of());
        dynamo.client().updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(ALICE.value())))
                .updateExpression("SET email = :bad")
                .expressionAttributeValues(Map.of(":bad", AttributeValue.fromS("not-an-email"))));

        assertThatThrownBy(() -> users.findById(ALICE))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(InvalidInput.class)
                .hasMessageContaining(table)
                .hasMessageNotContaining("not-an-email");
    }

    @Test
    void writesWhoseResponsesWereLostSucceedWhenTheSdkRetriesThem() {
        SdkFaults faults = new SdkFaults().loseResponses("PutItem", 1).loseResponses("UpdateItem", 2);
        User renamed = renamed(alice(1), "Alice B", 2);
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            DynamoDbUsers retrying = new DynamoDbUsers(client, table, CODEC, clock);

            assertThat(retrying.add(alice(1), List.of(registered("evt-1")))).isTrue();
            assertThat(retrying.replace(renamed, 1, List.of(updated("evt-2", renamed)))).isTrue();
            assertThat(retrying.erase(ALICE, 2, List.of(deleted("evt-3")))).isTrue();
        }

        assertThat(faults.attempts()).filteredOn("PutItem"::equals).hasSize(2);
        assertThat(faults.attempts()).filteredOn("UpdateItem"::equals).hasSize(4);
        assertThat(users.findById(ALICE)).isEmpty();
        assertThat(eventIdsPendingFor(ALICE.value())).containsExactly("evt-1", "evt-2", "evt-3");
    }

    @Test
    void aWriteThatLostToAnotherWriterIsStillRefusedAfterTheSdkRetriedIt() {
        users.add(alice(1), List.of());
        users.replace(renamed(alice(1), "Alice B", 2), 1, List.of());
        SdkFaults faults = new SdkFaults().loseResponses("UpdateItem", 1);
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            DynamoDbUsers retrying = new DynamoDbUsers(client, table, CODEC, clock);

            assertThat(retrying.replace(renamed(alice(1), "Alice C", 2), 1, List.of())).isFalse();
        }
        assertThat(users.findById(ALICE).orElseThrow().displayName()).isEqualTo("Alice B");
    }

    @Test
    void aWriteThatFilledTheOutboxToItsBoundIsStillRecognisedAsDoneWhenTheSdkRetriesIt() {
        users.add(alice(1), List.of(registered("evt-1")));
        User current = alice(1);
        for (int version = 2; version < PendingEventItems.MAX_PENDING_PER_ITEM; version++) {
            User next = renamed(current, "Alice " + version, version);
            users.replace(next, version - 1, List.of(updated("evt-" + version, next)));
            current = next;
        }
        User last = renamed(current, "Alice Last", current.version() + 1);
        SdkFaults faults = new SdkFaults().loseResponses("UpdateItem", 1);
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            DynamoDbUsers retrying = new DynamoDbUsers(client, table, CODEC, clock);

            assertThat(retrying.replace(last, current.version(), List.of(updated("evt-last", last))))
                    .as("our own write, not a full outbox").isTrue();
        }

        assertThat(faults.attempts()).filteredOn("UpdateItem"::equals).hasSize(2);
        assertThat(dynamo.rawItem(table, "id", ALICE.value()).orElseThrow().get("pendingEvents").m())
                .hasSize(PendingEventItems.MAX_PENDING_PER_ITEM);
    }

    @Test
    void aWriteThatWouldPassTheOutboxBoundIsRefusedWithAClearErrorAndWritesNothing() {
        users.add(alice(1), List.of(registered("evt-1")));
        User current = alice(1);
        for (int version = 2; version <= PendingEventItems.MAX_PENDING_PER_ITEM; version++) {
            User next = renamed(current, "Alice " + version, version);
            assertThat(users.replace(next, version - 1, List.of(updated("evt-" + version, next)))).isTrue();
            current = next;
        }
        Map<String, AttributeValue> full = dynamo.rawItem(table, "id", ALICE.value()).orElseThrow();
        assertThat(full.get("pendingEvents").m()).hasSize(PendingEventItems.MAX_PENDING_PER_ITEM);
        User oneTooMany = renamed(current, "Alice Overflow", current.version() + 1);
        User last = current;

        assertThatThrownBy(() -> users.replace(oneTooMany, last.version(), List.of(updated("evt-overflow", oneTooMany))))
                .isInstanceOf(PendingEventsFull.class);
        assertThatThrownBy(() -> users.erase(ALICE, last.version(), List.of(deleted("evt-deleted"))))
                .isInstanceOf(PendingEventsFull.class);

        assertThat(dynamo.rawItem(table, "id", ALICE.value()).orElseThrow()).isEqualTo(full);
        assertThatThrownBy(() -> users.replace(oneTooMany, last.version() - 1,
                List.of(updated("evt-stale", oneTooMany))))
                .as("stale and full: full, since no retry can succeed before the backlog drains")
                .isInstanceOf(PendingEventsFull.class);
    }

    @Test
    void aStaleWriteWithRoomInTheOutboxIsAPlainVersionConflict() {
        users.add(alice(1), List.of(registered("evt-1")));
        User next = renamed(alice(1), "Alice B", 2);

        assertThat(users.replace(next, 5, List.of(updated("evt-2", next)))).isFalse();
    }

    @Test
    void aNewItemWithMoreEventsThanTheBoundIsRefusedAndNotWritten() {
        List<EventEnvelope> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= PendingEventItems.MAX_PENDING_PER_ITEM; i++) {
            tooMany.add(registered("evt-many-" + i));
        }

        assertThatThrownBy(() -> users.add(alice(1), tooMany)).isInstanceOf(PendingEventsFull.class);
        assertThat(dynamo.rawItem(table, "id", ALICE.value())).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private List<String> eventIdsPendingFor(String aggregateId) {
        return pending.oldest(100).stream()
                .filter(batch -> batch.aggregateId().equals(aggregateId))
                .map(PendingBatch::events)
                .flatMap(List::stream)
                .map(StoredEvent::eventId)
                .toList();
    }

    private static User renamed(User user, String name, long version) {
        return new User(user.id(), name, user.email(), user.preferences(), version, user.createdAt(),
                user.updatedAt().plusSeconds(version));
    }

    private EventEnvelope registered(String eventId) {
        return registered(eventId, alice(1));
    }

    private EventEnvelope registered(String eventId, User user) {
        return at(anEnvelope(eventId, new UserRegistered(user.id(), user.version(), user.displayName(), user.email(),
                user.preferences())));
    }

    private EventEnvelope updated(String eventId, User user) {
        return at(anEnvelope(eventId, new UserUpdated(user.id(), user.version(), user.displayName(), user.email(),
                user.preferences())));
    }

    private EventEnvelope deleted(String eventId) {
        return at(anEnvelope(eventId, new UserDeleted(ALICE, 2)));
    }

    /** The envelope at the clock's time, so events of later writes are later. */
    private EventEnvelope at(EventEnvelope envelope) {
        EventEnvelope stamped = EventEnvelope.wrap(envelope.id(), envelope.source(), clock.instant(), envelope.data());
        clock.advance(Duration.ofMillis(1));
        return stamped;
    }

    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
