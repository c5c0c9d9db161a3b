package io.eventsuite.deployment.artifacts;

import io.eventsuite.adapters.dynamodb.TableDefinitions;
import io.eventsuite.deployment.template.Nodes;
import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import io.eventsuite.localcloud.LocalEmulators;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The template's stateful resources on the local emulators: every table (with the adapters' definitions, waited
 * for until ACTIVE), every topic (each with a "tap" queue subscribed with raw delivery and no filter, so a test
 * sees what a function published), and the captured-email queue. Resolves a function's environment variables
 * from the template against them, and adds the endpoint overrides the SDK reads.
 */
final class EmulatedStack implements AutoCloseable {

    static final String SENDER_ADDRESS = "notifications@eventsuite.example";
    private static final Duration TABLE_ACTIVE_WITHIN = Duration.ofSeconds(20);
    private static final Pattern SECRET_REFERENCE =
            Pattern.compile("\\{\\{resolve:secretsmanager:\\$\\{([A-Za-z0-9]+)}:SecretString}}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The adapters' CreateTable request for each table of the template, by logical id. */
    private static final Map<String, Function<String, CreateTableRequest>> TABLES = Map.of(
            "UsersTable", TableDefinitions::users,
            "OrdersTable", TableDefinitions::orders,
            "NotificationsTable", TableDefinitions::notifications,
            "RecipientsTable", TableDefinitions::recipients,
            "IdempotencyTable", TableDefinitions::idempotency);

    final LocalEmulators emulators;
    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final SnsClient sns;
    final String capturedEmailQueueUrl;
    private final Template template;
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final Map<String, String> topicArns = new LinkedHashMap<>();
    private final Map<String, String> tapQueueUrls = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private EmulatedStack(Template template, LocalEmulators emulators) {
        this.template = template;
        this.emulators = emulators;
        Region region = Region.of(emulators.region());
        this.dynamo = DynamoDbClient.builder().endpointOverride(emulators.dynamodb().endpoint()).region(region)
                .credentialsProvider(LocalEmulators.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        this.sqs = LocalEmulators.sqsClient(emulators.sqs().endpoint(), emulators.region());
        this.sns = SnsClient.builder().endpointOverride(emulators.sns().endpoint()).region(region)
                .credentialsProvider(LocalEmulators.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        this.capturedEmailQueueUrl = sqs.createQueue(r -> r.queueName("captured-email")).queueUrl();
    }

    static EmulatedStack start(Template template) {
        LocalEmulators emulators = LocalEmulators.start();
        EmulatedStack stack = null;
        try {
            stack = new EmulatedStack(template, emulators);
            stack.createTables();
            stack.createTopics();
            return stack;
        } catch (RuntimeException | Error e) {
            if (stack != null) {
                stack.close();
            } else {
                emulators.close();
            }
            throw e;
        }
    }

    private void createTables() {
        for (Resource table : template.ofType("AWS::DynamoDB::Table").toList()) {
            Function<String, CreateTableRequest> definition = TABLES.get(table.id());
            if (definition == null) {
                throw new IllegalStateException("template.yaml declares table " + table.id()
                        + ", which this test does not know how to create: add it to EmulatedStack.TABLES");
            }
            String name = table.id();
            dynamo.createTable(definition.apply(name));
            tableNames.put(table.id(), name);
        }
        long deadline = System.nanoTime() + TABLE_ACTIVE_WITHIN.toNanos();
        for (String name : tableNames.values()) {
            while (dynamo.describeTable(r -> r.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("table " + name + " not ACTIVE within " + TABLE_ACTIVE_WITHIN);
                }
                sleep(50);
            }
        }
    }

    private void createTopics() {
        for (Resource topic : template.ofType("AWS::SNS::Topic").toList()) {
            String arn = sns.createTopic(r -> r.name(topic.id())).topicArn();
            topicArns.put(topic.id(), arn);
            String tap = topic.id() + "-tap";
            tapQueueUrls.put(topic.id(), sqs.createQueue(r -> r.queueName(tap)).queueUrl());
            sns.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint(emulators.sqs().queueArn(tap))
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
    }

    String tableName(String logicalId) {
        return Optional.ofNullable(tableNames.get(logicalId))
                .orElseThrow(() -> new IllegalArgumentException("no table " + logicalId));
    }

    /**
     * The function's environment as Lambda would give it once CloudFormation resolved the template (Globals
     * merged), pointed at the emulators: the template's variables with every reference resolved, the SDK's
     * endpoint overrides, credentials, and (notification service only) the captured-email queue.
     */
    Map<String, String> environmentOf(Resource function) {
        Map<String, String> environment = new LinkedHashMap<>();
        template.environment(function).forEach((name, value) -> environment.put(name, resolve(function, name, value)));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamodb().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SNS", emulators.sns().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", emulators.sqs().endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        if (String.valueOf(function.property("CodeUri")).endsWith("notification-service")) {
            environment.put("CAPTURED_EMAIL_QUEUE_URL", capturedEmailQueueUrl);
        }
        return environment;
    }

    private String resolve(Resource function, String variable, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Optional<String> ref = Nodes.ref(value);
        if (ref.isPresent()) {
            String id = ref.get();
            if (tableNames.containsKey(id)) {
                return tableNames.get(id);
            }
            if (topicArns.containsKey(id)) {
                return topicArns.get(id);
            }
            if (id.equals("SenderAddress")) {
                return SENDER_ADDRESS;
            }
        }
        Optional<String> sub = Nodes.string(Nodes.at(value, "Fn::Sub"));
        if (sub.isPresent()) {
            Matcher secret = SECRET_REFERENCE.matcher(sub.get());
            if (secret.matches() && template.has(secret.group(1), "AWS::SecretsManager::Secret")) {
                // What GenerateSecretString would hold for the cursor key: a base64 of 48 random bytes.
                return secrets.computeIfAbsent(secret.group(1), id -> {
                    byte[] key = new byte[48];
                    random.nextBytes(key);
                    return Base64.getEncoder().encodeToString(key);
                });
            }
        }
        throw new IllegalStateException(function.id() + ": cannot resolve " + variable + " = " + value
                + " for the local emulators (teach EmulatedStack.resolve about it)");
    }

    /** A published message, as the topic's tap queue received it: its CloudEvent type and subject, and the body. */
    record Published(String type, String subject, JsonNode event) {
    }

    /** Everything published to the topic since the last call (the tap is emptied). */
    List<Published> drainTap(String topicLogicalId) {
        String url = tapQueueUrls.get(topicLogicalId);
        List<Published> published = new ArrayList<>();
        for (Message message : drain(url)) {
            JsonNode event = JSON.readTree(message.body());
            published.add(new Published(event.path("type").asString(), event.path("subject").asString(), event));
        }
        return published;
    }

    /** Every captured email (the JSON bodies) since the last call. */
    List<JsonNode> drainCapturedEmails() {
        return drain(capturedEmailQueueUrl).stream().map(m -> JSON.readTree(m.body())).toList();
    }

    boolean hasItem(String tableLogicalId, String keyName, String key) {
        return !dynamo.getItem(r -> r.tableName(tableName(tableLogicalId)).consistentRead(true)
                .key(Map.of(keyName, AttributeValue.fromS(key)))).item().isEmpty();
    }

    Map<String, AttributeValue> item(String tableLogicalId, String keyName, String key) {
        return dynamo.getItem(r -> r.tableName(tableName(tableLogicalId)).consistentRead(true)
                .key(Map.of(keyName, AttributeValue.fromS(key)))).item();
    }

    private List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        // SNS delivery and the functions' sends are synchronous: what is there is there; a few empty polls end it.
        for (int emptyPolls = 0; emptyPolls < 2 && all.size() < 1000; ) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                emptyPolls++;
                continue;
            }
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (emulators) {
            dynamo.close();
            sqs.close();
            sns.close();
        }
    }
}
