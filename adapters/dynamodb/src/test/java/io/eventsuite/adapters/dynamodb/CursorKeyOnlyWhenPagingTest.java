package io.eventsuite.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cursor key is a secret, given only to the functions that page (the template's rule tests check that). So
 * the repositories ask for it when a page is first listed, and only then; the key is read once.
 */
class CursorKeyOnlyWhenPagingTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(StrictJson.create().mapper());
    /** A cursor makes any listing read the key, whatever the table holds. */
    private static final PageRequest WITH_A_CURSOR = PageRequest.first(1).after("bm90LWEtY3Vyc29y");
    private static LocalDynamo dynamo;

    private final AtomicInteger asked = new AtomicInteger();
    private final Supplier<byte[]> noKeyGiven = () -> {
        asked.incrementAndGet();
        throw new IllegalStateException("CURSOR_SIGNING_KEY is not set");
    };

    @BeforeAll
    static void startDynalite() {
        dynamo = LocalDynamo.start(CursorKeyOnlyWhenPagingTest.class);
    }

    @AfterAll
    static void stopDynalite() {
        dynamo.close();
    }

    @Test
    void ordersAreReadWithoutTheKeyAndOnlyListingAsksForIt() {
        DynamoDbOrders orders = new DynamoDbOrders(dynamo.client(), dynamo.createTable(TableDefinitions::orders),
                CODEC, noKeyGiven);

        assertThat(orders.findById(new OrderId("nobody"))).isEmpty();
        assertThat(asked).hasValue(0);
        assertThatThrownBy(() -> orders.findByCustomer(new UserId("alice"), WITH_A_CURSOR))
                .hasMessageContaining("CURSOR_SIGNING_KEY");
    }

    @Test
    void notificationsAreReadWithoutTheKeyAndOnlyListingAsksForIt() {
        DynamoDbNotifications notifications = new DynamoDbNotifications(dynamo.client(),
                dynamo.createTable(TableDefinitions::notifications), noKeyGiven);

        assertThat(notifications.findById(new NotificationId("nobody"))).isEmpty();
        assertThat(notifications.deleteByRecipient(new UserId("alice"))).isZero();
        assertThat(asked).hasValue(0);
        assertThatThrownBy(() -> notifications.findByRecipient(new UserId("alice"), WITH_A_CURSOR))
                .hasMessageContaining("CURSOR_SIGNING_KEY");
    }

    @Test
    void aGivenKeyIsReadOnceForAllPages() {
        Supplier<byte[]> key = () -> {
            asked.incrementAndGet();
            return LocalDynamo.randomKey();
        };
        DynamoDbOrders orders = new DynamoDbOrders(dynamo.client(), dynamo.createTable(TableDefinitions::orders),
                CODEC, key);

        for (String customer : new String[] {"alice", "bob"}) {
            assertThatThrownBy(() -> orders.findByCustomer(new UserId(customer), WITH_A_CURSOR))
                    .as("a cursor this key never signed").isInstanceOf(InvalidInput.class);
        }

        assertThat(asked).hasValue(1);
    }
}
