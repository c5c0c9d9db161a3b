package io.eventsuite.deployment.artifacts;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.localcloud.template.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The template on the local emulators, provisioned by the local cloud's {@link Provisioner} (tables, topics, queues,
 * subscriptions, secrets, the captured-email queue), plus what only this test needs: a "tap" queue on every topic
 * (subscribed with raw delivery and no filter, so a test sees what a function published), and reading tables and
 * queues. A function's environment is the local cloud's; a variable it cannot resolve fails the test.
 */
final class EmulatedStack implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final LocalEmulators emulators;
    private final Provisioner provisioner;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Map<String, String> tapQueueUrls = new LinkedHashMap<>();
    private ProvisionedStack stack;

    private EmulatedStack(LocalEmulators emulators) {
        this.emulators = emulators;
        this.provisioner = new Provisioner(emulators, warnings::add);
    }

    /** Starts the emulators (region {@value LocalEmulators#DEFAULT_REGION}) and provisions the template in them. */
    static EmulatedStack start(SamTemplate template) {
        LocalEmulators emulators = LocalEmulators.start();
        EmulatedStack stack = null;
        try {
            stack = new EmulatedStack(emulators);
            stack.stack = stack.provisioner.provision(template);
            stack.tapTopics();
            stack.warnings.forEach(w -> System.out.println("provisioning: " + w));
            stack.warnings.clear();
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

    private void tapTopics() {
        stack.topicArns().forEach((topic, arn) -> {
            String tap = topic + "-tap";
            tapQueueUrls.put(topic, provisioner.sqs().createQueue(r -> r.queueName(tap)).queueUrl());
            provisioner.sns().subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint(emulators.sqs().queueArn(tap))
                    .attributes(Map.of("RawMessageDelivery", "true")));
        });
    }

    String tableName(String logicalId) {
        return Optional.ofNullable(stack.tableNames().get(logicalId))
                .orElseThrow(() -> new IllegalArgumentException("no table " + logicalId));
    }

    /**
     * The function's environment as the local cloud gives it: the template's variables resolved against the
     * emulators, the SDK's endpoint overrides, credentials and the captured-email queue.
     */
    Map<String, String> environmentOf(SamTemplate.Function function) {
        int before = warnings.size();
        Map<String, String> environment = stack.functionEnvironment(function);
        if (warnings.size() > before) {
            throw new IllegalStateException(function.logicalId() + ": its environment does not resolve for the local"
                    + " emulators: " + warnings.subList(before, warnings.size()));
        }
        return environment;
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
        return drain(stack.capturedEmailQueueUrl()).stream().map(m -> JSON.readTree(m.body())).toList();
    }

    boolean hasItem(String tableLogicalId, String keyName, String key) {
        return !item(tableLogicalId, keyName, key).isEmpty();
    }

    Map<String, AttributeValue> item(String tableLogicalId, String keyName, String key) {
        return provisioner.dynamo().getItem(r -> r.tableName(tableName(tableLogicalId)).consistentRead(true)
                .key(Map.of(keyName, AttributeValue.fromS(key)))).item();
    }

    private List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        // SNS delivery and the functions' sends are synchronous: what is there is there; a few empty polls end it.
        for (int emptyPolls = 0; emptyPolls < 2 && all.size() < 1000; ) {
            List<Message> batch = provisioner.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                emptyPolls++;
                continue;
            }
            all.addAll(batch);
            batch.forEach(m -> provisioner.sqs().deleteMessage(r -> r.queueUrl(queueUrl)
                    .receiptHandle(m.receiptHandle())));
        }
        return all;
    }

    @Override
    public void close() {
        try (emulators; provisioner) {
            // both closed, the clients first
        }
    }
}
