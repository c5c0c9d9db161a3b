package io.eventsuite.localcloud.provision;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the template's stateful resources in the emulators: every table (waiting until ACTIVE), every topic,
 * every queue (dead-letter queues before the queues that redrive into them), every SQS subscription with its
 * raw delivery, filter policy and redrive policy; generates each secret; creates the {@code captured-email}
 * queue that stands in for SES. Resources are named by their logical ids.
 */
public final class Provisioner implements AutoCloseable {

    private static final Duration TABLE_ACTIVE_WITHIN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final LocalEmulators emulators;
    private final Consumer<String> warnings;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final SecureRandom random = new SecureRandom();

    public Provisioner(LocalEmulators emulators, Consumer<String> warnings) {
        this.emulators = emulators;
        this.warnings = warnings;
        Region region = Region.of(emulators.region());
        this.dynamo = DynamoDbClient.builder().endpointOverride(emulators.dynamodb().endpoint()).region(region)
                .credentialsProvider(LocalEmulators.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        this.sqs = LocalEmulators.sqsClient(emulators.sqs().endpoint(), emulators.region());
        this.sns = SnsClient.builder().endpointOverride(emulators.sns().endpoint()).region(region)
                .credentialsProvider(LocalEmulators.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** An SQS client on the emulator (for event source mappings and for reading queues). */
    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public SnsClient sns() {
        return sns;
    }

    /** Creates everything; the returned stack answers the template's references. */
    public ProvisionedStack provision(SamTemplate template) {
        return provision(template, new ProvisionedStack.Endpoints(emulators.dynamodb().endpoint(),
                emulators.sns().endpoint(), emulators.sqs().endpoint()));
    }

    /**
     * Creates everything in the emulators; the functions are told to call {@code functionEndpoints} (the fault
     * switch's proxies, when it is on).
     */
    public ProvisionedStack provision(SamTemplate template, ProvisionedStack.Endpoints functionEndpoints) {
        ProvisionedStack stack = new ProvisionedStack(template, emulators.region(), functionEndpoints, warnings);
        for (SamTemplate.Table table : template.tables()) {
            dynamo.createTable(table.createTableRequest());
            stack.tableNames.put(table.logicalId(), table.tableName());
        }
        for (String name : stack.tableNames.values()) {
            awaitActive(name);
        }
        for (SamTemplate.Topic topic : template.topics()) {
            stack.topicArns.put(topic.logicalId(), sns.createTopic(r -> r.name(topic.topicName())).topicArn());
        }
        for (SamTemplate.Queue queue : inCreationOrder(template.queues())) {
            Map<String, String> attributes = new LinkedHashMap<>(queue.attributes());
            if (queue.deadLetterQueueId() != null) {
                attributes.put("RedrivePolicy", json(Map.of(
                        "deadLetterTargetArn", stack.queueArn(queue.deadLetterQueueId()),
                        "maxReceiveCount", String.valueOf(queue.maxReceiveCount() == null ? 10 : queue.maxReceiveCount()))));
            }
            String url = sqs.createQueue(r -> r.queueName(queue.queueName()).attributesWithStrings(attributes)).queueUrl();
            stack.queueUrls.put(queue.logicalId(), url);
            stack.queueArns.put(queue.logicalId(), emulators.sqs().queueArn(queue.queueName()));
        }
        for (SamTemplate.Subscription subscription : template.subscriptions()) {
            if (!"sqs".equals(subscription.protocol()) || subscription.endpointQueueId() == null) {
                warnings.accept(subscription.logicalId() + ": only sqs subscriptions to the template's queues run "
                        + "locally; skipped (" + subscription.protocol() + ")");
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("RawMessageDelivery", Boolean.toString(subscription.rawMessageDelivery()));
            if (subscription.filterPolicy() != null) {
                attributes.put("FilterPolicy", subscription.filterPolicy());
            }
            if (subscription.filterPolicyScope() != null) {
                attributes.put("FilterPolicyScope", subscription.filterPolicyScope());
            }
            if (subscription.redriveDeadLetterQueueId() != null) {
                attributes.put("RedrivePolicy", json(Map.of("deadLetterTargetArn",
                        stack.queueArn(subscription.redriveDeadLetterQueueId()))));
            }
            String arn = sns.subscribe(r -> r.topicArn(stack.topicArns.get(subscription.topicId())).protocol("sqs")
                    .endpoint(stack.queueArn(subscription.endpointQueueId())).attributes(attributes)
                    .returnSubscriptionArn(true)).subscriptionArn();
            stack.subscriptionArns.put(subscription.logicalId(), arn);
        }
        for (SamTemplate.Secret secret : template.secrets()) {
            stack.secretArns.put(secret.logicalId(), "arn:aws:secretsmanager:" + emulators.region() + ":"
                    + SamTemplate.ACCOUNT_ID + ":secret:" + secret.logicalId() + "-" + randomString(6, ALNUM));
            stack.secretValues.put(secret.logicalId(),
                    secret.secretString() != null ? secret.secretString() : generate(secret));
        }
        stack.capturedEmailQueueUrl = sqs.createQueue(r -> r.queueName(ProvisionedStack.CAPTURED_EMAIL_QUEUE)).queueUrl();
        return stack;
    }

    /**
     * Writes {@code sam local --env-vars} JSON: one object per function logical id with its variables resolved
     * against these emulators (see {@link ProvisionedStack#samEnvironment}).
     */
    public static void writeSamEnvVars(ProvisionedStack stack, Path file) {
        writeSamEnvVars(stack, file, function -> List.of());
    }

    /** @param moreJavaOptions {@code -D} options a function's {@code JAVA_TOOL_OPTIONS} gets besides the endpoints */
    public static void writeSamEnvVars(ProvisionedStack stack, Path file,
            java.util.function.Function<SamTemplate.Function, List<String>> moreJavaOptions) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (SamTemplate.Function function : stack.template().functions()) {
            Map<String, String> env = new TreeMap<>(stack.samEnvironment(function));
            List<String> more = moreJavaOptions.apply(function);
            if (env.containsKey("JAVA_TOOL_OPTIONS") && !more.isEmpty()) {
                env.put("JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS") + " " + String.join(" ", more));
            }
            content.put(function.logicalId(), env);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(content) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Dead-letter queues first: a queue comes after the queue its RedrivePolicy names. */
    static List<SamTemplate.Queue> inCreationOrder(Iterable<SamTemplate.Queue> queues) {
        Map<String, SamTemplate.Queue> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.logicalId(), q));
        List<SamTemplate.Queue> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (SamTemplate.Queue queue : byId.values()) {
            place(queue, byId, ordered, placed, visiting);
        }
        return ordered;
    }

    private static void place(SamTemplate.Queue queue, Map<String, SamTemplate.Queue> byId,
            List<SamTemplate.Queue> ordered, Set<String> placed, Set<String> visiting) {
        if (placed.contains(queue.logicalId())) {
            return;
        }
        if (!visiting.add(queue.logicalId())) {
            throw new IllegalStateException("queues redrive into each other in a cycle at " + queue.logicalId());
        }
        SamTemplate.Queue dlq = queue.deadLetterQueueId() == null ? null : byId.get(queue.deadLetterQueueId());
        if (queue.deadLetterQueueId() != null && dlq == null) {
            throw new IllegalStateException(queue.logicalId() + " redrives into " + queue.deadLetterQueueId()
                    + ", which is not a queue of the template");
        }
        if (dlq != null) {
            place(dlq, byId, ordered, placed, visiting);
        }
        ordered.add(queue);
        placed.add(queue.logicalId());
    }

    private void awaitActive(String table) {
        long deadline = System.nanoTime() + TABLE_ACTIVE_WITHIN.toNanos();
        while (dynamo.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + table + " did not become ACTIVE within " + TABLE_ACTIVE_WITHIN);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + table, e);
            }
        }
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** A secret as Secrets Manager's GenerateSecretString would make it (length and excluded characters). */
    String generate(SamTemplate.Secret secret) {
        StringBuilder alphabet = new StringBuilder();
        if (!secret.excludeUppercase()) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!secret.excludeLowercase()) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!secret.excludeNumbers()) {
            alphabet.append("0123456789");
        }
        if (!secret.excludePunctuation()) {
            alphabet.append("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
        }
        if (secret.includeSpace()) {
            alphabet.append(' ');
        }
        String allowed = alphabet.chars().filter(c -> secret.excludeCharacters().indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return randomString(secret.passwordLength(), allowed);
    }

    private String randomString(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String json(Object value) {
        return JsonMapper.builder().build().writeValueAsString(value);
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
        sns.close();
    }
}
