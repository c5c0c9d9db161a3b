package io.eventsuite.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.idempotency.BeginOutcome;
import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbIdempotencyStoreTest {

    private static final Duration LOCK = Duration.ofSeconds(30);
    private static final Duration KEEP = Duration.ofHours(24);
    private static final String OWNER = "placeOrder";
    private static LocalDynamo dynamo;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T09:00:00.250Z"));
    private String table;
    private DynamoDbIdempotencyStore store;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbIdempotencyStoreTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @BeforeEach
    void createTable() {
        table = dynamo.createTable(TableDefinitions::idempotency);
        store = new DynamoDbIdempotencyStore(dynamo.client(), table, OWNER);
    }

    @Test
    void aNewKeyStartsAndIsThenInProgressForTheSameRequest() {
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.Started.class);

        clock.advance(LOCK.minusNanos(1));
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);
        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Mismatch.class);
    }

    @Test
    void aCompletedKeyReplaysItsResultToTheSameRequestOnly() {
        begin("k", "fp-1");
        store.complete("k", "{\"status\":201}", clock.instant(), KEEP);

        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("{\"status\":201}"));
        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Mismatch.class);
        clock.advance(KEEP.minusNanos(1));
        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("{\"status\":201}"));
    }

    @Test
    void anExpiredLockIsClaimedAgainBecauseItsHolderDied() {
        begin("k", "fp-1");

        clock.advance(LOCK);

        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.Started.class);
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);
    }

    @Test
    void anExpiredRetentionFreesTheKeyEvenForAnotherRequest() {
        begin("k", "fp-1");
        store.complete("k", "first", clock.instant(), KEEP);

        clock.advance(KEEP);

        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Started.class);
        store.complete("k", "second", clock.instant(), KEEP);
        assertThat(begin("k", "fp-2")).isEqualTo(new BeginOutcome.Replay("second"));
    }

    @Test
    void aLockOutlivingCompletionDoesNotKeepTheResultAlive() {
        begin("k", "fp-1");
        store.complete("k", "short-lived", clock.instant(), Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));

        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.Started.class);
    }

    @Test
    void writesExpiresAtForTtlRoundedUpToTheSecond() {
        begin("k", "fp-1");
        assertThat(raw("k").get("expiresAt").n())
                .isEqualTo(Long.toString(Instant.parse("2025-06-01T09:00:31Z").getEpochSecond()));

        store.complete("k", "done", clock.instant(), KEEP);
        assertThat(raw("k").get("expiresAt").n())
                .isEqualTo(Long.toString(Instant.parse("2025-06-02T09:00:01Z").getEpochSecond()));
    }

    @Test
    void releaseLetsTheRequestBeTriedAgainAtOnce() {
        begin("k", "fp-1");

        store.release("k");

        assertThat(begin("k", "fp-2")).isInstanceOf(BeginOutcome.Started.class);
    }

    @Test
    void aRequestWhoseLockWasTakenOverCannotOverwriteOrReleaseItsSuccessor() {
        DynamoDbIdempotencyStore slow = new DynamoDbIdempotencyStore(dynamo.client(), table, OWNER);
        DynamoDbIdempotencyStore successor = new DynamoDbIdempotencyStore(dynamo.client(), table, OWNER);
        assertThat(slow.begin("k", "fp-1", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);
        clock.advance(LOCK.plusSeconds(1));
        assertThat(successor.begin("k", "fp-1", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);

        slow.complete("k", "late result", clock.instant(), KEEP);
        assertThat(begin("k", "fp-1")).isInstanceOf(BeginOutcome.InProgress.class);

        successor.complete("k", "successor's result", clock.instant(), KEEP);
        slow.release("k");
        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("successor's result"));
    }

    @Test
    void everyRecordIsKeyedUnderItsOwnersPrefixWhichIamConditionsOn() {
        begin("k", "fp-1");
        store.complete("k", "done", clock.instant(), KEEP);

        assertThat(dynamo.rawItem(table, "key", "placeOrder#k")).isPresent();
        assertThat(dynamo.rawItem(table, "key", "k")).isEmpty();
    }

    @Test
    void anotherOwnersRecordUnderTheSameKeyIsNeitherReplayedNorTouched() {
        DynamoDbIdempotencyStore cancelOrder = new DynamoDbIdempotencyStore(dynamo.client(), table, "cancelOrder");
        begin("k", "fp-1");
        store.complete("k", "placed", clock.instant(), KEEP);

        assertThat(cancelOrder.begin("k", "fp-2", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);
        cancelOrder.release("k");

        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("placed"));
    }

    @Test
    void aPrefixIamCouldReadAsAWildcardOrThatIsBlankIsRefused() {
        for (String prefix : List.of("", "place*", "a?b", "a#b", "x".repeat(65))) {
            assertThatThrownBy(() -> new DynamoDbIdempotencyStore(dynamo.client(), table, prefix))
                    .as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void completingAKeyThisStoreNeverClaimedIsADefect() {
        assertThatThrownBy(() -> store.complete("k", "r", clock.instant(), KEEP))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ofConcurrentFirstRequestsExactlyOneStarts() throws Exception {
        List<Callable<BeginOutcome>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(() -> store.begin("k", "fp-1", clock.instant(), LOCK));
        }

        List<BeginOutcome> outcomes = DynamoDbUsersTest.race(requests);

        assertThat(outcomes).filteredOn(BeginOutcome.Started.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(BeginOutcome.InProgress.class::isInstance).hasSize(3);
    }

    @Test
    void usesTheItemReturnedWithTheFailedConditionInsteadOfReadingIt() {
        InterceptingDynamoDbClient client = new InterceptingDynamoDbClient(dynamo.client())
                .returningOldItemOnConditionFailure();
        DynamoDbIdempotencyStore withAllOld = new DynamoDbIdempotencyStore(client, table, OWNER);
        begin("k", "fp-1");
        store.complete("k", "done", clock.instant(), KEEP);

        assertThat(withAllOld.begin("k", "fp-1", clock.instant(), LOCK)).isEqualTo(new BeginOutcome.Replay("done"));
        assertThat(client.calls()).containsExactly("PutItem");
    }

    @Test
    void drivesTheDomainsIdempotentExecution() {
        IdempotentExecution execution = new IdempotentExecution(store, clock, LOCK, KEEP);
        AtomicInteger runs = new AtomicInteger();

        Execution first = execution.run("k", "fp-1", () -> "result-" + runs.incrementAndGet());
        Execution retry = execution.run("k", "fp-1", () -> "result-" + runs.incrementAndGet());
        Execution other = execution.run("k", "fp-2", () -> "result-" + runs.incrementAndGet());

        assertThat(first).isEqualTo(new Execution.Fresh("result-1"));
        assertThat(retry).isEqualTo(new Execution.Replayed("result-1"));
        assertThat(other).isEqualTo(new Execution.Rejected(Execution.Reason.KEY_REUSED_WITH_DIFFERENT_REQUEST));
        assertThatThrownBy(() -> execution.run("k2", "fp-1", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(execution.run("k2", "fp-1", () -> "after failure")).isEqualTo(new Execution.Fresh("after failure"));
    }

    private BeginOutcome begin(String key, String fingerprint) {
        return store.begin(key, fingerprint, clock.instant(), LOCK);
    }

    private Map<String, AttributeValue> raw(String key) {
        return dynamo.rawItem(table, "key", OWNER + "#" + key).orElseThrow();
    }
}
