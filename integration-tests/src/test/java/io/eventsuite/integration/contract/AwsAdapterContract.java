package io.eventsuite.integration.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.adapters.dynamodb.DynamoDbIdempotencyStore;
import io.eventsuite.adapters.dynamodb.DynamoDbOrders;
import io.eventsuite.adapters.dynamodb.DynamoDbPendingEvents;
import io.eventsuite.adapters.dynamodb.DynamoDbUsers;
import io.eventsuite.adapters.dynamodb.TableDefinitions;
import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.idempotency.BeginOutcome;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.testing.Fixtures;
import io.eventsuite.domain.user.User;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the adapters need from AWS, as one contract that runs against every backend we have: the local
 * emulators (always), a pinned LocalStack (where Docker runs) and any endpoint given by system properties, AWS
 * itself included. A behaviour that passes on one backend and fails on the other is a gap in an emulator, or an
 * assumption in an adapter, worth knowing about. Every table, topic and queue a test makes is named after
 * {@link #namePrefix()} and a random suffix, and deleted after the test.
 */
abstract class AwsAdapterContract {

    private static final byte[] CURSOR_KEY = new byte[32];

    /** The endpoint of {@code service} ("dynamodb", "sns", "sqs"), or {@code null} for the SDK's own (AWS). */
    protected abstract URI endpoint(String service);

    protected abstract String region();

    protected AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    /**
     * Lets the topic send to the queue where the backend checks (AWS does: a queue policy); the emulators deliver
     * without one.
     */
    protected void allowTopicToSend(SqsClient sqs, String queueUrl, String queueArn, String topicArn) {
    }

    /** Put in front of every name, so that nothing collides with what the backend already holds. */
    protected String namePrefix() {
        return "";
    }

    private DynamoDbClient dynamo;
    private SnsClient sns;
    private SqsClient sqs;
    private final CloudEventCodec codec = new CloudEventCodec(StrictJson.create().mapper());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<Runnable> cleanUp = new ArrayList<>();

    @BeforeEach
    void clients() {
        var credentials = credentials();
        dynamo = at(DynamoDbClient.builder(), "dynamodb").region(Region.of(region()))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqs = at(SqsClient.builder(), "sqs").region(Region.of(region()))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sns = at(LambdaSdkClients.configure(SnsClient.builder(), PublishingResilienceConfig.DEFAULTS, o -> { }), "sns")
                .region(Region.of(region())).credentialsProvider(credentials).build();
    }

    /** Deletes what the test made, newest first. */
    @AfterEach
    void deleteWhatTheTestMade() {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            cleanUp.get(i).run();
        }
        dynamo.close();
        sqs.close();
        sns.close();
    }

    private <B extends AwsClientBuilder<B, ?>> B at(B builder, String service) {
        URI endpoint = endpoint(service);
        return endpoint == null ? builder : builder.endpointOverride(endpoint);
    }

    @Test
    void orders_are_written_conditionally_and_listed_newest_first_across_pages() {
        String table = table(TableDefinitions::orders, "orders");
        DynamoDbOrders orders = new DynamoDbOrders(dynamo, table, codec, CURSOR_KEY);
        UserId customer = new UserId("c-" + suffix);
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            orders.add(Fixtures.aPlacedOrder("o-" + i + "-" + suffix, customer, start.plusSeconds(i)), List.of());
        }
        Order first = orders.findById(new io.eventsuite.domain.common.OrderId("o-0-" + suffix)).orElseThrow();
        Order cancelled = ((io.eventsuite.domain.order.CancellationOutcome.Cancelled) first.cancel("test", start.plusSeconds(60))).order();

        assertThat(orders.replace(cancelled, first.version(), List.of())).isTrue();
        assertThat(orders.replace(cancelled, first.version(), List.of())).as("stale version").isFalse();

        List<String> seen = new ArrayList<>();
        var page = orders.findByCustomer(customer, PageRequest.first(2));
        page.items().forEach(o -> seen.add(o.id().value()));
        while (page.nextCursor().isPresent()) {
            page = orders.findByCustomer(customer, page.nextCursor().map(c -> PageRequest.first(2).after(c)).orElseThrow());
            page.items().forEach(o -> seen.add(o.id().value()));
        }
        assertThat(seen).containsExactly("o-4-" + suffix, "o-3-" + suffix, "o-2-" + suffix, "o-1-" + suffix,
                "o-0-" + suffix);
    }

    @Test
    void a_user_and_its_pending_events_are_one_item_until_published() {
        String table = table(TableDefinitions::users, "users");
        DynamoDbUsers users = new DynamoDbUsers(dynamo, table, codec, Clock.systemUTC());
        DynamoDbPendingEvents pending = new DynamoDbPendingEvents(dynamo, table);
        User alice = Fixtures.alice(1);
        var event = Fixtures.anEnvelope("e-" + suffix, new UserDeleted(alice.id(), 2));

        assertThat(users.add(alice, List.of(event))).isTrue();
        assertThat(users.add(alice, List.of())).as("the id exists").isFalse();
        assertThat(pending.oldest(10)).singleElement().satisfies(batch -> {
            assertThat(batch.aggregateId()).isEqualTo(alice.id().value());
            assertThat(batch.events()).extracting(e -> e.eventId()).containsExactly("e-" + suffix);
        });

        pending.markPublished(alice.id().value(), List.of("e-" + suffix));

        assertThat(pending.oldest(10)).isEmpty();
        assertThat(users.findById(alice.id())).contains(alice);
    }

    @Test
    void an_idempotency_key_replays_its_result_and_refuses_reuse_with_another_request() {
        DynamoDbIdempotencyStore store = new DynamoDbIdempotencyStore(dynamo, table(TableDefinitions::idempotency, "idem"), "contract");
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        assertThat(store.begin("k", "f1", now, Duration.ofMinutes(2))).isInstanceOf(BeginOutcome.Started.class);
        assertThat(store.begin("k", "f1", now, Duration.ofMinutes(2))).isInstanceOf(BeginOutcome.InProgress.class);
        store.complete("k", "{\"status\":201}", now, Duration.ofHours(24));

        assertThat(store.begin("k", "f1", now.plusSeconds(5), Duration.ofMinutes(2)))
                .isEqualTo(new BeginOutcome.Replay("{\"status\":201}"));
        assertThat(store.begin("k", "f2", now.plusSeconds(5), Duration.ofMinutes(2))).isInstanceOf(BeginOutcome.Mismatch.class);
    }

    @Test
    void an_event_published_to_sns_arrives_raw_with_its_attributes_and_is_filtered_by_type() {
        String topicArn = sns.createTopic(r -> r.name(namePrefix() + "events-" + suffix)).topicArn();
        cleanUp.add(() -> sns.deleteTopic(r -> r.topicArn(topicArn)));
        String queueUrl = sqs.createQueue(r -> r.queueName(namePrefix() + "deleted-" + suffix)).queueUrl();
        cleanUp.add(() -> sqs.deleteQueue(r -> r.queueUrl(queueUrl)));
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        allowTopicToSend(sqs, queueUrl, queueArn, topicArn);
        String subscriptionArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .returnSubscriptionArn(true).attributes(Map.of("RawMessageDelivery", "true",
                        "FilterPolicy", "{\"type\":[\"io.eventsuite.user.deleted.v1\"]}"))).subscriptionArn();
        cleanUp.add(() -> sns.unsubscribe(r -> r.subscriptionArn(subscriptionArn)));
        SnsEventPublisher publisher = new SnsEventPublisher(sns, topicArn, codec, StrictJson.create().mapper(),
                PublishingResilience.create("contract", PublishingResilienceConfig.DEFAULTS, new SimpleMeterRegistry(),
                        Clock.systemUTC()));
        var wanted = Fixtures.anEnvelope("e1-" + suffix, new UserDeleted(new UserId("u-" + suffix), 2));
        var filtered = Fixtures.anEnvelope("e2-" + suffix, Fixtures.anOrderPlacedFor(new UserId("u-" + suffix), "o-" + suffix));

        assertThat(publisher.publishEnvelopes(List.of(wanted, filtered)).allPublished()).isTrue();

        List<Message> received = receiveAll(queueUrl);
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(codec.decode(message.body()).envelope()).isEqualTo(wanted);
            assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo("io.eventsuite.user.deleted.v1");
        });
    }

    private List<Message> receiveAll(String queueUrl) {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)
                    .messageAttributeNames("All")).messages());
        }
        return all;
    }

    private String table(Function<String, CreateTableRequest> definition, String name) {
        String table = namePrefix() + name + "-" + suffix;
        dynamo.createTable(definition.apply(table));
        cleanUp.add(() -> dynamo.deleteTable(r -> r.tableName(table)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dynamo.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(table + " never became active");
            }
            Thread.onSpinWait();
        }
        return table;
    }
}
