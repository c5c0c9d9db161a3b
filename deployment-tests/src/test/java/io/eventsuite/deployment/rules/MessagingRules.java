package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.getAtt;
import static io.eventsuite.deployment.template.Nodes.isTrue;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.map;
import static io.eventsuite.deployment.template.Nodes.number;
import static io.eventsuite.deployment.template.Nodes.ref;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SNS to SQS to Lambda: nothing lost (DLQs everywhere), nothing readable at rest, nothing redelivered early. */
final class MessagingRules {

    static final String QUEUE = "AWS::SQS::Queue";
    static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    static final String TOPIC = "AWS::SNS::Topic";
    static final int MIN_MAX_RECEIVE_COUNT = 5;
    static final long DEFAULT_VISIBILITY_TIMEOUT = 30;
    static final long DEFAULT_RETENTION = 345_600;
    static final long DEFAULT_FUNCTION_TIMEOUT = 3;

    private MessagingRules() {
    }

    /** Queues that are some queue's or subscription's dead-letter target. */
    static Set<String> deadLetterQueues(Template template) {
        Set<String> dlqs = new LinkedHashSet<>();
        template.ofType(QUEUE).forEach(q -> dlqTarget(q).ifPresent(dlqs::add));
        template.ofType(SUBSCRIPTION).forEach(s -> dlqTarget(s).ifPresent(dlqs::add));
        return dlqs;
    }

    private static Optional<String> dlqTarget(Resource resource) {
        return getAtt(resource.property("RedrivePolicy", "deadLetterTargetArn"), "Arn");
    }

    static RuleCheck everyQueueHasADeadLetterQueue(Template template) {
        RuleCheck check = RuleCheck.rule("every-queue-has-a-dlq",
                "a message its consumer keeps failing moves to a DLQ after at least " + MIN_MAX_RECEIVE_COUNT
                        + " receives instead of being lost or retried forever");
        Set<String> dlqs = deadLetterQueues(template);
        template.ofType(QUEUE).filter(q -> !dlqs.contains(q.id())).forEach(queue -> {
            Map<String, Object> redrive = map(queue.property("RedrivePolicy"));
            if (redrive.isEmpty()) {
                check.violation(queue.id(), "has no RedrivePolicy");
                return;
            }
            Optional<String> dlq = dlqTarget(queue);
            if (dlq.isEmpty() || !template.has(dlq.get(), QUEUE)) {
                check.violation(queue.id(), "RedrivePolicy.deadLetterTargetArn must be !GetAtt <a queue here>.Arn");
            } else {
                long queueRetention = number(queue.property("MessageRetentionPeriod")).orElse(DEFAULT_RETENTION);
                long dlqRetention = number(template.resource(dlq.get()).orElseThrow()
                        .property("MessageRetentionPeriod")).orElse(DEFAULT_RETENTION);
                check.require(dlqRetention >= queueRetention, queue.id(), "its DLQ " + dlq.get() + " keeps messages "
                        + dlqRetention + " s, less than the queue's " + queueRetention + " s (a message's age carries over)");
            }
            Optional<Long> maxReceive = number(redrive.get("maxReceiveCount"));
            check.require(maxReceive.isPresent() && maxReceive.get() >= MIN_MAX_RECEIVE_COUNT, queue.id(),
                    "RedrivePolicy.maxReceiveCount is " + redrive.get("maxReceiveCount") + ", must be at least "
                            + MIN_MAX_RECEIVE_COUNT);
        });
        return check;
    }

    static RuleCheck everyQueueIsEncrypted(Template template) {
        RuleCheck check = RuleCheck.rule("every-queue-is-encrypted",
                "messages carry personal data: every queue, DLQs included, is encrypted at rest");
        template.ofType(QUEUE).forEach(queue -> check.require(
                isTrue(queue.property("SqsManagedSseEnabled")) || queue.property("KmsMasterKeyId") != null, queue.id(),
                "neither SqsManagedSseEnabled: true nor KmsMasterKeyId"));
        template.ofType(TOPIC).forEach(topic -> check.require(topic.property("KmsMasterKeyId") != null, topic.id(),
                "topic has no KmsMasterKeyId"));
        return check;
    }

    static RuleCheck everySubscriptionIsRawFilteredAndRedriven(Template template) {
        RuleCheck check = RuleCheck.rule("every-subscription-is-raw-filtered-and-redriven",
                "consumers get the CloudEvent itself (raw delivery) and only the types they handle (a filter policy on"
                        + " the `type` message attribute); what SNS cannot deliver lands in a subscription DLQ");
        template.ofType(SUBSCRIPTION).forEach(subscription -> {
            String id = subscription.id();
            check.require("sqs".equals(subscription.property("Protocol")), id, "Protocol must be sqs");
            check.require(getAtt(subscription.property("Endpoint"), "Arn").filter(q -> template.has(q, QUEUE)).isPresent(),
                    id, "Endpoint must be !GetAtt <a queue here>.Arn");
            check.require(isTrue(subscription.property("RawMessageDelivery")), id, "RawMessageDelivery is not true");
            Object scope = subscription.property("FilterPolicyScope");
            check.require(scope == null || "MessageAttributes".equals(scope), id,
                    "FilterPolicyScope must be MessageAttributes (the event type is a message attribute), not " + scope);
            List<Object> types = list(at(subscription.property("FilterPolicy"), "type"));
            check.require(!types.isEmpty() && types.stream().allMatch(String.class::isInstance), id,
                    "FilterPolicy must list the event types it wants under the key `type`");
            check.require(dlqTarget(subscription).filter(q -> template.has(q, QUEUE)).isPresent(), id,
                    "RedrivePolicy.deadLetterTargetArn must be !GetAtt <a queue here>.Arn");
        });
        return check;
    }

    static RuleCheck queuesAcceptOnlyTheirTopics(Template template) {
        RuleCheck check = RuleCheck.rule("queues-accept-only-their-topics",
                "a queue fed by SNS lets exactly its subscribed topics send (sns.amazonaws.com with aws:SourceArn)");
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        template.ofType(SUBSCRIPTION).forEach(subscription -> {
            Optional<String> topic = ref(subscription.property("TopicArn"));
            getAtt(subscription.property("Endpoint"), "Arn").ifPresent(q ->
                    expected.computeIfAbsent(q, k -> new LinkedHashSet<>()).add(topic.orElse("?")));
            dlqTarget(subscription).ifPresent(q ->
                    expected.computeIfAbsent(q, k -> new LinkedHashSet<>()).add(topic.orElse("?")));
        });
        expected.forEach((queue, topics) -> {
            Set<String> allowed = new LinkedHashSet<>();
            template.ofType("AWS::SQS::QueuePolicy")
                    .filter(policy -> list(policy.property("Queues")).stream().anyMatch(q -> ref(q).equals(Optional.of(queue))))
                    .flatMap(policy -> list(policy.property("PolicyDocument", "Statement")).stream())
                    .filter(statement -> "Allow".equals(at(statement, "Effect")))
                    .filter(statement -> list(at(statement, "Resource")).stream()
                            .anyMatch(r -> getAtt(r, "Arn").equals(Optional.of(queue))))
                    .forEach(statement -> {
                        boolean sns = "sns.amazonaws.com".equals(at(statement, "Principal", "Service"));
                        List<Object> sources = list(at(statement, "Condition", "ArnEquals", "aws:SourceArn"));
                        if (!sns || sources.isEmpty()) {
                            check.violation(queue, "a policy statement lets " + at(statement, "Principal")
                                    + " send without an ArnEquals aws:SourceArn condition");
                        }
                        sources.forEach(source -> allowed.add(ref(source).orElse(String.valueOf(source))));
                    });
            check.require(allowed.equals(topics), queue, "its queue policy lets " + (allowed.isEmpty() ? "no topic" : allowed)
                    + " send, but it is subscribed to " + topics);
        });
        return check;
    }

    static RuleCheck visibilityTimeoutCoversTheConsumer(Template template) {
        RuleCheck check = RuleCheck.rule("visibility-timeout-covers-the-consumer",
                "VisibilityTimeout >= 6 x the consumer's Timeout + its MaximumBatchingWindowInSeconds, or a message"
                        + " still being handled is delivered again (and Lambda refuses shorter ones)");
        sqsEvents(template).forEach(event -> {
            Optional<String> queueId = getAtt(event.properties().get("Queue"), "Arn");
            Optional<Resource> queue = queueId.flatMap(template::resource);
            if (queue.isEmpty()) {
                check.violation(event.name(), "Queue must be !GetAtt <a queue here>.Arn");
                return;
            }
            long visibility = number(queue.get().property("VisibilityTimeout")).orElse(DEFAULT_VISIBILITY_TIMEOUT);
            long timeout = number(template.effectiveProperties(event.function()).get("Timeout")).orElse(DEFAULT_FUNCTION_TIMEOUT);
            long window = number(event.properties().get("MaximumBatchingWindowInSeconds")).orElse(0L);
            long needed = 6 * timeout + window;
            check.require(visibility >= needed, queue.get().id(), "VisibilityTimeout " + visibility + " s < 6 x "
                    + event.function().id() + " Timeout " + timeout + " s + batching window " + window + " s = " + needed + " s");
        });
        return check;
    }

    static RuleCheck sqsEventSourcesReportPartialFailures(Template template) {
        RuleCheck check = RuleCheck.rule("sqs-event-sources-report-partial-failures",
                "a batch returns only its failed messages (ReportBatchItemFailures), in batches of at most 10 with a"
                        + " small batching window");
        sqsEvents(template).forEach(event -> {
            Map<String, Object> p = event.properties();
            check.require(list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"), event.name(),
                    "FunctionResponseTypes lacks ReportBatchItemFailures: one failure would redeliver the whole batch");
            Optional<Long> batch = number(p.get("BatchSize"));
            check.require(batch.isPresent() && batch.get() >= 1 && batch.get() <= 10, event.name(),
                    "BatchSize must be set, between 1 and 10 (is " + p.get("BatchSize") + ")");
            Optional<Long> window = number(p.get("MaximumBatchingWindowInSeconds"));
            check.require(window.isPresent() && window.get() <= 5, event.name(),
                    "MaximumBatchingWindowInSeconds must be set and small (at most 5 s), is " + p.get("MaximumBatchingWindowInSeconds"));
        });
        return check;
    }

    static RuleCheck oneConsumerPerQueue(Template template) {
        RuleCheck check = RuleCheck.rule("one-consumer-per-queue",
                "each consumer owns its queue; DLQs are drained by people (redrive), not by a function");
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        sqsEvents(template).forEach(event -> getAtt(event.properties().get("Queue"), "Arn").ifPresent(q ->
                consumers.computeIfAbsent(q, k -> new java.util.ArrayList<>()).add(event.function().id())));
        Set<String> dlqs = deadLetterQueues(template);
        template.ofType(QUEUE).forEach(queue -> {
            List<String> functions = consumers.getOrDefault(queue.id(), List.of());
            if (dlqs.contains(queue.id())) {
                check.require(functions.isEmpty(), queue.id(), "is a DLQ but consumed by " + functions);
            } else {
                check.require(functions.size() == 1, queue.id(), "must have exactly one consumer function, has " + functions);
            }
        });
        return check;
    }

    record SqsEvent(Resource function, String name, Map<String, Object> properties) {
    }

    static List<SqsEvent> sqsEvents(Template template) {
        return template.ofType(Template.SERVERLESS_FUNCTION)
                .flatMap(f -> template.events(f, "SQS").entrySet().stream()
                        .map(e -> new SqsEvent(f, f.id() + " (event " + e.getKey() + ")", e.getValue())))
                .toList();
    }
}
