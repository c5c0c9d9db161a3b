package io.eventsuite.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The driver's erasure promise: after a user's {@code 204}, emails already queued may still go out until the
 * erasure reaches the notification service (the recipient tombstone's {@code erasedAt}); none after it.
 */
class ErasureWindowCheckTest {

    private static final Instant DELETED = Instant.parse("2026-12-01T17:00:00Z");
    private static final Instant ARRIVED = DELETED.plusMillis(3_000);

    @Test
    void anEmailBetweenTheDeletionAndTheErasureArrivingIsCountedInTheWindowNotFailed() {
        EffectsCheck.Verdict verdict = check(ledger(), recipientTombstone(ARRIVED), email(DELETED.plusMillis(1_200)));

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.emailsInErasureWindowMillis()).containsExactly(1_200.0);
        assertThat(verdict.erasureLagMillis()).containsExactly(3_000.0);
    }

    @Test
    void anEmailAfterTheErasureArrivedIsABrokenPromise() {
        Instant late = ARRIVED.plus(EffectsCheck.ERASURE_SEND_SLACK).plusMillis(1);

        EffectsCheck.Verdict verdict = check(ledger(), recipientTombstone(ARRIVED), email(late));

        assertThat(verdict.violations()).containsExactly("an email (\"Order o-1 cancelled\") went to user-1 "
                + (EffectsCheck.ERASURE_SEND_SLACK.toMillis() + 1)
                + " ms after its erasure reached the notification service");
        assertThat(verdict.emailsInErasureWindowMillis()).isEmpty();
    }

    @Test
    void aDeletionThatNeverReachedTheNotificationServiceIsABrokenPromiseOnceTheQueuesDrained() {
        EffectsCheck.Verdict verdict = check(ledger(), List.of(), email(DELETED.minusMillis(10)));

        assertThat(verdict.violations()).containsExactly(
                "user-1 was deleted but its erasure never reached the notification service (no recipient tombstone)");
        assertThat(verdict.erasureLagMillis()).isEmpty();
    }

    private static Ledger ledger() {
        Ledger ledger = new Ledger("t1");
        Ledger.Account account = new Ledger.Account(1, "user-1", "user-1@example.com", "User One");
        account.registered = true;
        account.deletedAt = DELETED;
        ledger.accounts.add(account);
        return ledger;
    }

    private static List<Map<String, AttributeValue>> recipientTombstone(Instant erasedAt) {
        return List.of(Map.of("id", AttributeValue.fromS("user-1"), "version", AttributeValue.fromN("3"),
                "erased", AttributeValue.fromBool(true), "erasedAt", AttributeValue.fromS(erasedAt.toString())));
    }

    private static CloudState.Email email(Instant sentAt) {
        return new CloudState.Email("{\"to\":\"user-1@example.com\",\"subject\":\"Order o-1 cancelled\","
                + "\"notificationId\":\"n-1\"}", sentAt.toEpochMilli());
    }

    private static EffectsCheck.Verdict check(Ledger ledger, List<Map<String, AttributeValue>> recipients,
            CloudState.Email email) {
        return new EffectsCheck(ledger, true).check(Map.of("RecipientsTable", recipients), List.of(email), Map.of(),
                Map.of(), Map.of());
    }
}
