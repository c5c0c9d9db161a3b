package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.notification.RecipientState;
import io.eventsuite.domain.notification.Recipients;
import io.eventsuite.domain.user.NotificationPreferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link Recipients}, run on the in-memory fake and on the DynamoDB adapter alike: a recipient
 * or a tombstone per id, and only strictly newer versions stored, whichever of the two is there.
 */
public abstract class RecipientsContract {

    private Recipients recipients;

    /** A fresh, empty store for each test. */
    protected abstract Recipients emptyRecipients();

    @BeforeEach
    void freshStore() {
        recipients = emptyRecipients();
    }

    @Test
    void an_id_never_projected_is_unknown() {
        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Unknown());
        assertThat(recipients.findById(ALICE)).isEmpty();
    }

    @Test
    void a_recipient_is_replaced_only_by_a_newer_version() {
        assertThat(recipients.upsertIfNewer(alice(2, "v2"))).isTrue();

        assertThat(recipients.upsertIfNewer(alice(1, "v1"))).isFalse();
        assertThat(recipients.upsertIfNewer(alice(2, "v2 again"))).isFalse();
        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Known(alice(2, "v2")));

        assertThat(recipients.upsertIfNewer(alice(3, "v3"))).isTrue();
        assertThat(recipients.findById(ALICE)).contains(alice(3, "v3"));
    }

    @Test
    void an_erasure_replaces_the_recipient_with_a_tombstone_that_holds_only_its_version() {
        recipients.upsertIfNewer(alice(2, "v2"));

        assertThat(recipients.eraseIfNewer(ALICE, 3)).isTrue();

        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 3));
        assertThat(recipients.findById(ALICE)).isEmpty();
    }

    @Test
    void no_event_of_the_erased_life_brings_the_recipient_back() {
        recipients.upsertIfNewer(alice(1, "registered"));
        recipients.eraseIfNewer(ALICE, 3);

        assertThat(recipients.upsertIfNewer(alice(1, "registration redelivered"))).isFalse();
        assertThat(recipients.upsertIfNewer(alice(2, "update relayed late"))).isFalse();
        assertThat(recipients.upsertIfNewer(alice(3, "same version as the erasure"))).isFalse();

        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 3));
    }

    @Test
    void an_erasure_arriving_before_any_registration_still_bars_it() {
        assertThat(recipients.eraseIfNewer(ALICE, 2)).isTrue();

        assertThat(recipients.upsertIfNewer(alice(1, "registered late"))).isFalse();
        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 2));
    }

    @Test
    void the_same_erasure_again_changes_nothing() {
        recipients.eraseIfNewer(ALICE, 2);

        assertThat(recipients.eraseIfNewer(ALICE, 2)).isFalse();
        assertThat(recipients.find(ALICE)).isEqualTo(new RecipientState.Erased(ALICE, 2));
    }

    @Test
    void a_registration_of_the_id_after_its_erasure_replaces_the_tombstone() {
        recipients.eraseIfNewer(ALICE, 2);

        assertThat(recipients.upsertIfNewer(alice(3, "registered again"))).isTrue();

        assertThat(recipients.findById(ALICE)).contains(alice(3, "registered again"));
    }

    @Test
    void an_old_erasure_arriving_after_the_id_was_registered_again_leaves_the_new_life_alone() {
        recipients.upsertIfNewer(alice(3, "registered again"));

        assertThat(recipients.eraseIfNewer(ALICE, 2)).isFalse();
        assertThat(recipients.findById(ALICE)).contains(alice(3, "registered again"));
    }

    @Test
    void ids_do_not_interfere() {
        UserId bob = new UserId("bob-sub");
        recipients.upsertIfNewer(alice(1, "Alice"));

        recipients.eraseIfNewer(bob, 2);

        assertThat(recipients.findById(ALICE)).contains(alice(1, "Alice"));
        assertThat(recipients.find(bob)).isEqualTo(new RecipientState.Erased(bob, 2));
    }

    private static Recipient alice(long version, String name) {
        return new Recipient(ALICE, name, new Email("alice@example.com"), NotificationPreferences.DEFAULT, version);
    }
}
