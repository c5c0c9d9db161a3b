package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aliceAsRecipient;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.user.NotificationPreferences;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbRecipientsTest {

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

    @BeforeEach
    void createTable() {
        table = dynamo.createTable(TableDefinitions::recipients);
        recipients = new DynamoDbRecipients(dynamo.client(), table);
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
    void onlyANewerVersionReplacesTheStoredOne() {
        recipients.upsertIfNewer(version(2, "v2"));

        assertThat(recipients.upsertIfNewer(version(1, "v1"))).isFalse();
        assertThat(recipients.upsertIfNewer(version(2, "v2 again"))).isFalse();
        assertThat(recipients.findById(ALICE)).contains(version(2, "v2"));

        assertThat(recipients.upsertIfNewer(version(3, "v3"))).isTrue();
        assertThat(recipients.findById(ALICE)).contains(version(3, "v3"));
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
    void deleteForgetsTheRecipientAndIgnoresUnknownOnes() {
        recipients.upsertIfNewer(aliceAsRecipient(NotificationPreferences.DEFAULT));

        recipients.delete(ALICE);
        recipients.delete(new UserId("nobody"));

        assertThat(recipients.findById(ALICE)).isEmpty();
        assertThat(dynamo.rawItem(table, "id", "nobody")).isEmpty();
    }

    private static Recipient version(long version, String name) {
        return new Recipient(ALICE, name, new Email("alice@example.com"), NotificationPreferences.DEFAULT, version);
    }
}
