package io.eventsuite.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.idempotency.BeginOutcome;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.testing.IdempotencyStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store contract on dynalite, and what only the DynamoDB store has to say (TTL, the SDK's retries). */
class DynamoDbIdempotencyStoreTest extends IdempotencyStoreContract {

    private static final String OWNER = "placeOrder";
    private static LocalDynamo dynamo;

    private String table;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbIdempotencyStoreTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @Override
    protected IdempotencyStore newStore() {
        table = dynamo.createTable(TableDefinitions::idempotency);
        return new DynamoDbIdempotencyStore(dynamo.client(), table, OWNER);
    }

    @Override
    protected IdempotencyStore anotherInstanceOfTheStore() {
        return new DynamoDbIdempotencyStore(dynamo.client(), table, OWNER);
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
    void aClaimWhoseResponseWasLostIsRecognisedWhenTheSdkRetriesIt() {
        SdkFaults faults = new SdkFaults().loseResponses("PutItem", 1);
        try (DynamoDbClient client = dynamo.clientWith(faults)) {
            DynamoDbIdempotencyStore retrying = new DynamoDbIdempotencyStore(client, table, OWNER);

            assertThat(retrying.begin("k", "fp-1", clock.instant(), LOCK)).isInstanceOf(BeginOutcome.Started.class);
            retrying.complete("k", "done", clock.instant(), KEEP);
        }

        assertThat(faults.attempts()).startsWith("PutItem", "PutItem");
        assertThat(begin("k", "fp-1")).isEqualTo(new BeginOutcome.Replay("done"));
    }

    private Map<String, AttributeValue> raw(String key) {
        return dynamo.rawItem(table, "key", OWNER + "#" + key).orElseThrow();
    }
}
