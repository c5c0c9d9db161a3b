package io.eventsuite.domain.testing;

import io.eventsuite.domain.notification.Recipients;

/** The in-memory fake keeps the same contract as the DynamoDB adapter, so domain tests on it mean something. */
class InMemoryRecipientsTest extends RecipientsContract {

    @Override
    protected Recipients emptyRecipients() {
        return new InMemoryRecipients();
    }
}
