package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.map;
import static io.eventsuite.localcloud.template.TemplateValues.targetId;

import io.eventsuite.localcloud.template.SamTemplate.Queue;
import io.eventsuite.localcloud.template.SamTemplate.Subscription;
import io.eventsuite.localcloud.template.SamTemplate.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the messaging resources: {@code AWS::SNS::Topic}, {@code AWS::SQS::Queue} and
 * {@code AWS::SNS::Subscription}. References between them (a subscription's topic and queue, a redrive target)
 * stay logical ids; the provisioner turns them into ARNs and URLs.
 */
final class MessagingReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The queue attributes passed on as written; the rest are AWS's defaults locally too. */
    private static final List<String> QUEUE_ATTRIBUTES = List.of("VisibilityTimeout", "MessageRetentionPeriod",
            "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "ContentBasedDeduplication");

    private final TemplateValues values;

    MessagingReader(TemplateValues values) {
        this.values = values;
    }

    Topic topic(String id, Map<String, Object> p) {
        return new Topic(id, Optional.ofNullable(values.string(p.get("TopicName"))).orElse(id));
    }

    Queue queue(String id, Map<String, Object> p) {
        boolean fifo = values.bool(p.get("FifoQueue"), false);
        String name = Optional.ofNullable(values.string(p.get("QueueName"))).orElse(fifo ? id + ".fifo" : id);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : QUEUE_ATTRIBUTES) {
            String value = values.string(p.get(attribute));
            if (value != null) {
                attributes.put(attribute, value);
            }
        }
        if (fifo) {
            attributes.put("FifoQueue", "true");
        }
        Map<String, Object> redrive = map(p.get("RedrivePolicy"));
        return new Queue(id, name, Map.copyOf(attributes), targetId(redrive.get("deadLetterTargetArn")),
                redrive.containsKey("maxReceiveCount") ? values.integer(redrive.get("maxReceiveCount"), 10) : null);
    }

    Subscription subscription(String id, Map<String, Object> p) {
        String protocol = values.string(p.get("Protocol"));
        Object filter = p.get("FilterPolicy");
        String filterJson = null;
        if (filter != null) {
            // Written as YAML or as a JSON string; the SNS stand-in wants the JSON.
            Object resolved = values.intrinsics().resolve(filter);
            filterJson = resolved instanceof String s ? s : JSON.writeValueAsString(resolved);
        }
        return new Subscription(id, targetId(p.get("TopicArn")), protocol,
                "sqs".equals(protocol) ? targetId(p.get("Endpoint")) : null,
                values.bool(p.get("RawMessageDelivery"), false), filterJson, values.string(p.get("FilterPolicyScope")),
                targetId(map(p.get("RedrivePolicy")).get("deadLetterTargetArn")));
    }
}
