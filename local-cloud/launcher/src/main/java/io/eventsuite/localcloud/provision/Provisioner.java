package io.eventsuite.localcloud.provision;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.aws.AwsAccount;
import io.eventsuite.localcloud.aws.AwsService;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the template's stateful resources in the emulators, or in the AWS-compatible endpoints the user runs:
 * every table (waiting until ACTIVE), every topic, every queue (dead-letter queues before the queues that redrive
 * into them), every SQS subscription with its raw delivery, filter policy and redrive policy; generates each
 * secret; creates the {@code captured-email} queue that stands in for SES. Resources are named by their logical
 * ids, after the settings' name prefix. {@link #deprovision} deletes them again.
 */
public final class Provisioner implements AutoCloseable {

    private static final Duration TABLE_ACTIVE_WITHIN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * How resources are made beyond what the template says.
     *
     * @param namePrefix               put in front of every table, topic and queue name ({@code ""} for none), so
     *                                 that nothing collides with what an endpoint already holds
     * @param visibilityTimeoutSeconds every queue's visibility timeout instead of the template's (tests that wait for
     *                                 a redelivery want 1 s), or {@code null} for the template's
     */
    public record Settings(String namePrefix, Integer visibilityTimeoutSeconds) {

        public static final Settings TEMPLATE_AS_WRITTEN = new Settings("", null);

        public Settings {
            namePrefix = namePrefix == null ? "" : namePrefix;
        }
    }

    private final AwsAccount account;
    private final Settings settings;
    private final Consumer<String> warnings;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final SecureRandom random = new SecureRandom();

    public Provisioner(LocalEmulators emulators, Consumer<String> warnings) {
        this(AwsAccount.embedded(emulators), Settings.TEMPLATE_AS_WRITTEN, warnings);
    }

    public Provisioner(AwsAccount account, Settings settings, Consumer<String> warnings) {
        this.account = account;
        this.settings = settings;
        this.warnings = warnings;
        this.dynamo = account.dynamoDb();
        this.sqs = account.sqs();
        this.sns = account.sns();
    }

    /** An SQS client on the account (for event source mappings and for reading queues). */
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
        return provision(template, new ProvisionedStack.Endpoints(account.endpoint(AwsService.DYNAMODB),
                account.endpoint(AwsService.SNS), account.endpoint(AwsService.SQS)));
    }

    /**
     * Creates everything; the functions are told to call {@code functionEndpoints} (the fault switch's proxies,
     * when it is on). When a creation fails, what was created before it is deleted again.
     */
    public ProvisionedStack provision(SamTemplate template, ProvisionedStack.Endpoints functionEndpoints) {
        ProvisionedStack stack = new ProvisionedStack(template, account.region(), functionEndpoints,
                account.credentials().resolveCredentials(), warnings);
        try {
            create(template, stack);
            return stack;
        } catch (RuntimeException e) {
            try {
                deprovision(stack);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void create(SamTemplate template, ProvisionedStack stack) {
        String prefix = settings.namePrefix();
        for (SamTemplate.Table table : template.tables()) {
            CreateTableRequest request = table.createTableRequest();
            dynamo.createTable(request.toBuilder().tableName(prefix + request.tableName()).build());
            stack.tableNames.put(table.logicalId(), prefix + request.tableName());
        }
        for (String name : stack.tableNames.values()) {
            awaitActive(name);
        }
        for (SamTemplate.Topic topic : template.topics()) {
            stack.topicArns.put(topic.logicalId(), sns.createTopic(r -> r.name(prefix + topic.topicName())).topicArn());
        }
        for (SamTemplate.Queue queue : inCreationOrder(template.queues())) {
            Map<String, String> attributes = new LinkedHashMap<>(queue.attributes());
            if (settings.visibilityTimeoutSeconds() != null) {
                attributes.put("VisibilityTimeout", settings.visibilityTimeoutSeconds().toString());
            }
            if (queue.deadLetterQueueId() != null) {
                attributes.put("RedrivePolicy", json(Map.of(
                        "deadLetterTargetArn", stack.queueArn(queue.deadLetterQueueId()),
                        "maxReceiveCount", String.valueOf(queue.maxReceiveCount() == null ? 10 : queue.maxReceiveCount()))));
            }
            String url = sqs.createQueue(r -> r.queueName(prefix + queue.queueName())
                    .attributesWithStrings(attributes)).queueUrl();
            stack.queueUrls.put(queue.logicalId(), url);
            stack.queueArns.put(queue.logicalId(), queueArn(url));
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
            stack.secretArns.put(secret.logicalId(), "arn:aws:secretsmanager:" + account.region() + ":"
                    + SamTemplate.ACCOUNT_ID + ":secret:" + secret.logicalId() + "-" + randomString(6, ALNUM));
            stack.secretValues.put(secret.logicalId(),
                    secret.secretString() != null ? secret.secretString() : generate(secret));
        }
        stack.capturedEmailQueueUrl = sqs.createQueue(r -> r.queueName(prefix + ProvisionedStack.CAPTURED_EMAIL_QUEUE))
                .queueUrl();
    }

    /** The queue's ARN as the endpoint names it (its account id is its own: LocalStack's, moto's, yours). */
    private String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /**
     * Deletes what {@link #provision} created: subscriptions, queues (the captured-email queue too), topics and
     * tables. Used when the resources live in an endpoint that outlives the local cloud. Every deletion is tried;
     * the first failure is thrown at the end with the others suppressed.
     */
    public void deprovision(ProvisionedStack stack) {
        List<Runnable> deletions = new ArrayList<>();
        stack.subscriptionArns.values().forEach(arn -> deletions.add(() -> sns.unsubscribe(r -> r.subscriptionArn(arn))));
        if (stack.capturedEmailQueueUrl != null) {
            deletions.add(() -> sqs.deleteQueue(r -> r.queueUrl(stack.capturedEmailQueueUrl)));
        }
        stack.queueUrls.values().forEach(url -> deletions.add(() -> sqs.deleteQueue(r -> r.queueUrl(url))));
        stack.topicArns.values().forEach(arn -> deletions.add(() -> sns.deleteTopic(r -> r.topicArn(arn))));
        stack.tableNames.values().forEach(name -> deletions.add(() -> dynamo.deleteTable(r -> r.tableName(name))));
        EveryStep.run(deletions.stream().<EveryStep.Step>map(deletion -> deletion::run).toList());
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
