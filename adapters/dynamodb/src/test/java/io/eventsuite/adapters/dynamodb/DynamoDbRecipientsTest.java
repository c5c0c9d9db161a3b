package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RecipientState;
import io.eventsuite.domain.notification.Recipients;
import io.eventsuite.domain.testing.RecipientsContract;
import io.eventsuite.domain.user.NotificationPreferences;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@link RecipientsContract} on dynalite, and what only the adapter can show: the items as stored. */
class DynamoDbRecipientsTest extends RecipientsContract {

    private static final Instant ERASURE_ARRIVES = Instant.parse("2026-12-01T17:00:00.123Z");

    private static LocalDynamo dynamo;

    private String table;
    private DynamoDbRecipients recipients;

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(DynamoDbRecipientsTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    /** Runs before each test (the contract's {@code @BeforeEach}): a fresh table for both. */
    @Override
    protected Recipients emptyRecipients() {
        table = dynamo.createTable(TableDefinitions::recipients);
        recipients = new DynamoDbRecipients(dynamo.client(), table, Clock.fixed(ERASURE_ARRIVES, ZoneOffset.UTC));
        return recipients;
    }

    @Test
    void storesAndReadsBackEveryField() {
        Recipient recipient = new Recipient(ALICE, "Alice Ünicode", new Email("Alice@Example.com"),
                new NotificationPreferences(true, false), 42);

        assertThat(recipients.upsertIfNewer(recipient)).isTrue();

        assertThat(recipients.findById(ALICE)).contains(recipient);
        assertThat(recipients.findById(new UserId("nobody"))).isEmpty();
    }

    @Test
    void ofConcurrentUpdatesTheNewestVersionEndsStoredWhateverTheOrder() throws Exception {
        recipients.upsertIfNewer(version(1, "v1"));
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int v = 2; v <= 6; v++) {
            Recipient next = version(v, "v" + v);
            writers.add(() -> recipients.upsertIfNewer(next));
        }

        List<Boolean> outcomes = DynamoDbUsersTest.race(writers);

        assertThat(outcomes).contains(true);
        assertThat(recipients.findById(ALICE)).contains(version(6, "v6"));
    }

    @Test
    void theTombstoneIsTheIdTheVersionTheMarkAndWhenTheErasureArrivedNothingPersonal() {
        recipients.upsertIfNewer(new Recipient(ALICE, "Alice", new Email("alice@example.com"),
                new NotificationPreferences(true, false), 1));

        recipients.eraseIfNewer(ALICE, 2);

        assertThat(dynamo.rawItem(table, "id", ALICE.value()).orElseThrow())
                .containsOnlyKeys("id", "version", "erased", "erasedAt")
                .containsEntry("version", AttributeValue.fromN("2"))
                .containsEntry("erased", AttributeValue.fromBool(true))
                .containsEntry("erasedAt", AttributeValue.fromS(Attributes.sortable(ERASURE_ARRIVES)));
    }

    @Test
    void aLateUpdateRacingTheErasureNeverLeavesPersonalDataBehind() throws Exception {
        recipients.upsertIfNewer(version(1, "v1"));
        List<Callable<Boolean>> writers = new ArrayList<>();
        writers.add(() -> recipients.eraseIfNewer(ALICE, 4));
        for (int v = 2; v <= 3; v++) {
            Recipient late = version(v, "v" + v);
            writers.add(() -> recipients.upsertIfNewer(late));
        }

        DynamoDbUsersTest.race(writers);

        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 4));
        assertThat(dynamo.rawItem(table, "id", ALICE.value()).orElseThrow())
                .containsOnlyKeys("id", "version", "erased", "erasedAt");
    }

    private static Recipient version(long version, String name) {
        return new Recipient(ALICE, name, new Email("alice@example.com"), NotificationPreferences.DEFAULT, version);
    }
}
