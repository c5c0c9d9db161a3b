package io.eventsuite.localcloud.sns;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.eventsuite.localcloud.sqs.SqsEmulator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SNS actions the stand-in speaks, on Query-protocol parameters, answering XML. No HTTP here.
 *
 * <p>State lives in memory: topics by ARN and subscriptions by ARN. Every action is safe to call concurrently.
 */
final class SnsApi {

    static final String ACCOUNT_ID = "000000000000";
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    static final int MAX_BATCH_ENTRIES = 10;

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Set<String> SUBSCRIPTION_ATTRIBUTES = Set.of("DeliveryPolicy", "FilterPolicy",
            "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String region;
    private final SqsDelivery delivery;
    private final Clock clock;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Publish calls still to fail: 0 healthy, -1 every call until reset. */
    private final AtomicInteger publishFailures = new AtomicInteger();
    private final Object topicLock = new Object();

    SnsApi(String region, SqsDelivery delivery, Clock clock) {
        this.region = region;
        this.delivery = delivery;
        this.clock = clock;
    }

    String topicArn(String name) {
        return "arn:aws:sns:" + region + ":" + ACCOUNT_ID + ":" + name;
    }

    void failPublishes(int calls) {
        publishFailures.set(calls);
    }

    void healthy() {
        publishFailures.set(0);
    }

    /** Answers one request; throws {@link SnsError} for an AWS error response. */
    String handle(QueryParams params, String requestId) {
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw SnsError.sender("MissingAction", "Missing Action");
        }
        return switch (action) {
            case "CreateTopic" -> createTopic(params, requestId);
            case "DeleteTopic" -> deleteTopic(params, requestId);
            case "ListTopics" -> listTopics(params, requestId);
            case "GetTopicAttributes" -> getTopicAttributes(params, requestId);
            case "SetTopicAttributes" -> setTopicAttributes(params, requestId);
            case "Subscribe" -> subscribe(params, requestId);
            case "Unsubscribe" -> unsubscribe(params, requestId);
            case "GetSubscriptionAttributes" -> getSubscriptionAttributes(params, requestId);
            case "SetSubscriptionAttributes" -> setSubscriptionAttributes(params, requestId);
            case "ListSubscriptionsByTopic" -> listSubscriptionsByTopic(params, requestId);
            case "ListSubscriptions" -> listSubscriptions(params, requestId);
            case "Publish" -> publish(params, requestId);
            case "PublishBatch" -> publishBatch(params, requestId);
            default -> throw SnsError.sender("InvalidAction",
                    "Could not find operation " + action + " for version 2010-03-31 in the local SNS stand-in");
        };
    }

    // ------------------------------------------------------------------ topics

    private String createTopic(QueryParams params, String requestId) {
        String name = required(params, "Name");
        if (name.endsWith(".fifo")) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name (FIFO topics are not supported by the "
                    + "local SNS stand-in)");
        }
        if (!TOPIC_NAME.matcher(name).matches()) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name");
        }
        Map<String, String> attributes = params.map("Attributes", "key", "value");
        if ("true".equalsIgnoreCase(attributes.get("FifoTopic"))) {
            throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: FifoTopic: FIFO topics are not "
                    + "supported by the local SNS stand-in");
        }
        String arn = topicArn(name);
        synchronized (topicLock) {
            Topic existing = topics.get(arn);
            if (existing != null) {
                for (Map.Entry<String, String> e : attributes.entrySet()) {
                    String current = existing.attributes.get(e.getKey());
                    if (current != null && !current.equals(e.getValue())) {
                        throw SnsError.invalidParameter(
                                "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
                    }
                }
            } else {
                Topic topic = new Topic(name, arn);
                topic.attributes.putAll(attributes);
                topics.put(arn, topic);
            }
        }
        return SnsXml.response("CreateTopic", requestId, xml -> xml.element("TopicArn", arn));
    }

    private String deleteTopic(QueryParams params, String requestId) {
        String arn = required(params, "TopicArn");
        Topic removed;
        synchronized (topicLock) {
            removed = topics.remove(arn);
        }
        if (removed != null) {
            for (Subscription s : removed.subscriptions) {
                subscriptions.remove(s.arn);
            }
        }
        // Deleting a topic that does not exist is not an error on AWS.
        return SnsXml.response("DeleteTopic", requestId, null);
    }

    private String listTopics(QueryParams params, String requestId) {
        List<String> arns = topics.keySet().stream().sorted().toList();
        Page<String> page = Page.of(arns, params.get("NextToken"));
        return SnsXml.response("ListTopics", requestId, xml -> {
            xml.open("Topics");
            page.items().forEach(arn -> xml.open("member").element("TopicArn", arn).close("member"));
            xml.close("Topics").element("NextToken", page.nextToken());
        });
    }

    private String getTopicAttributes(QueryParams params, String requestId) {
        Topic topic = topic(required(params, "TopicArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("TopicArn", topic.arn);
        attributes.put("Owner", ACCOUNT_ID);
        attributes.put("DisplayName", "");
        attributes.put("Policy", defaultTopicPolicy(topic.arn));
        attributes.put("SubscriptionsConfirmed", Integer.toString(topic.subscriptions.size()));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        attributes.put("EffectiveDeliveryPolicy", defaultDeliveryPolicy());
        attributes.putAll(topic.attributes);
        return SnsXml.response("GetTopicAttributes", requestId, xml -> xml.map("Attributes", attributes));
    }

    private String setTopicAttributes(QueryParams params, String requestId) {
        Topic topic = topic(required(params, "TopicArn"));
        String name = required(params, "AttributeName");
        String value = params.get("AttributeValue");
        if (name.equals("FifoTopic")) {
            throw SnsError.invalidParameter("Invalid parameter: AttributeName");
        }
        if (value == null || value.isEmpty()) {
            topic.attributes.remove(name);
        } else {
            topic.attributes.put(name, value);
        }
        return SnsXml.response("SetTopicAttributes", requestId, null);
    }

    // ------------------------------------------------------------------ subscriptions

    private String subscribe(QueryParams params, String requestId) {
        String topicArn = required(params, "TopicArn");
        String protocol = required(params, "Protocol").toLowerCase(Locale.ROOT);
        Topic topic = topic(topicArn);
        if (!protocol.equals("sqs")) {
            throw SnsError.invalidParameter("Invalid parameter: Protocol (the local SNS stand-in delivers to sqs "
                    + "only, not " + protocol + ")");
        }
        String endpoint = params.get("Endpoint");
        if (endpoint == null || !isSqsArn(endpoint)) {
            throw SnsError.invalidParameter("Invalid parameter: SQS endpoint ARN");
        }
        Map<String, String> requested = params.map("Attributes", "key", "value");
        Subscription.Settings settings = Subscription.Settings.defaults();
        // The scope first, so the policy is validated in the scope it will run in.
        if (requested.containsKey("FilterPolicyScope")) {
            settings = withAttribute(settings, "FilterPolicyScope", requested.get("FilterPolicyScope"), true);
        }
        for (Map.Entry<String, String> e : requested.entrySet()) {
            if (!e.getKey().equals("FilterPolicyScope")) {
                settings = withAttribute(settings, e.getKey(), e.getValue(), true);
            }
        }
        synchronized (topicLock) {
            for (Subscription existing : topic.subscriptions) {
                if (existing.protocol.equals(protocol) && existing.endpoint.equals(endpoint)) {
                    if (!requested.isEmpty() && !existing.settings().asAttributes().equals(settings.asAttributes())) {
                        throw SnsError.invalidParameter(
                                "Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                    }
                    return subscribeResponse(requestId, existing.arn);
                }
            }
            if (!topics.containsKey(topicArn)) {
                throw SnsError.notFound("Topic does not exist");
            }
            Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), topicArn, protocol,
                    endpoint, settings);
            topic.subscriptions.add(subscription);
            subscriptions.put(subscription.arn, subscription);
            return subscribeResponse(requestId, subscription.arn);
        }
    }

    private static String subscribeResponse(String requestId, String arn) {
        return SnsXml.response("Subscribe", requestId, xml -> xml.element("SubscriptionArn", arn));
    }

    private String unsubscribe(QueryParams params, String requestId) {
        String arn = required(params, "SubscriptionArn");
        if (!arn.startsWith("arn:aws:sns:")) {
            throw SnsError.invalidParameter("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements");
        }
        Subscription removed = subscriptions.remove(arn);
        if (removed == null) {
            throw SnsError.notFound("Subscription does not exist");
        }
        Topic topic = topics.get(removed.topicArn);
        if (topic != null) {
            topic.subscriptions.remove(removed);
        }
        return SnsXml.response("Unsubscribe", requestId, null);
    }

    private String getSubscriptionAttributes(QueryParams params, String requestId) {
        Subscription s = subscription(required(params, "SubscriptionArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("SubscriptionArn", s.arn);
        attributes.put("TopicArn", s.topicArn);
        attributes.put("Owner", ACCOUNT_ID);
        attributes.put("Protocol", s.protocol);
        attributes.put("Endpoint", s.endpoint);
        attributes.put("ConfirmationWasAuthenticated", "true");
        attributes.put("PendingConfirmation", "false");
        attributes.put("SubscriptionPrincipal", "arn:aws:iam::" + ACCOUNT_ID + ":user/local");
        attributes.put("EffectiveDeliveryPolicy", defaultDeliveryPolicy());
        attributes.putAll(s.settings().asAttributes());
        return SnsXml.response("GetSubscriptionAttributes", requestId, xml -> xml.map("Attributes", attributes));
    }

    private String setSubscriptionAttributes(QueryParams params, String requestId) {
        Subscription s = subscription(required(params, "SubscriptionArn"));
        String name = required(params, "AttributeName");
        String value = params.get("AttributeValue");
        if (!SUBSCRIPTION_ATTRIBUTES.contains(name)) {
            throw SnsError.invalidParameter("Invalid parameter: AttributeName");
        }
        synchronized (s) {
            s.settings(withAttribute(s.settings(), name, value == null ? "" : value, false));
        }
        return SnsXml.response("SetSubscriptionAttributes", requestId, null);
    }

    private String listSubscriptionsByTopic(QueryParams params, String requestId) {
        Topic topic = topic(required(params, "TopicArn"));
        Page<Subscription> page = Page.of(List.copyOf(topic.subscriptions), params.get("NextToken"));
        return SnsXml.response("ListSubscriptionsByTopic", requestId, xml -> writeSubscriptions(xml, page));
    }

    private String listSubscriptions(QueryParams params, String requestId) {
        List<Subscription> all = new ArrayList<>(subscriptions.values());
        all.sort((a, b) -> a.arn.compareTo(b.arn));
        Page<Subscription> page = Page.of(all, params.get("NextToken"));
        return SnsXml.response("ListSubscriptions", requestId, xml -> writeSubscriptions(xml, page));
    }

    private static void writeSubscriptions(SnsXml xml, Page<Subscription> page) {
        xml.open("Subscriptions");
        for (Subscription s : page.items()) {
            xml.open("member")
                    .element("SubscriptionArn", s.arn)
                    .element("Owner", ACCOUNT_ID)
                    .element("Protocol", s.protocol)
                    .element("Endpoint", s.endpoint)
                    .element("TopicArn", s.topicArn)
                    .close("member");
        }
        xml.close("Subscriptions").element("NextToken", page.nextToken());
    }

    /** One subscription attribute applied to settings, validated as SNS does. */
    private Subscription.Settings withAttribute(Subscription.Settings current, String name, String value,
                                                boolean onSubscribe) {
        String prefix = onSubscribe ? "Invalid parameter: Attributes Reason: " : "Invalid parameter: ";
        boolean clear = value == null || value.isEmpty();
        switch (name) {
            case "RawMessageDelivery" -> {
                if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                    throw SnsError.invalidParameter(prefix + "RawMessageDelivery: Invalid value [" + value
                            + "]. Must be true or false.");
                }
                return new Subscription.Settings(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)),
                        current.filterPolicy(), current.filterPolicyScope(), current.redrivePolicy(),
                        current.deadLetterTargetArn(), current.other());
            }
            case "FilterPolicy" -> {
                FilterPolicy policy = clear ? null : parsePolicy(value, current.filterPolicyScope(), prefix);
                return new Subscription.Settings(current.rawMessageDelivery(), policy, current.filterPolicyScope(),
                        current.redrivePolicy(), current.deadLetterTargetArn(), current.other());
            }
            case "FilterPolicyScope" -> {
                FilterPolicy.Scope scope;
                try {
                    scope = FilterPolicy.Scope.fromAwsName(value);
                } catch (IllegalArgumentException e) {
                    throw SnsError.invalidParameter(prefix + "FilterPolicyScope: " + e.getMessage());
                }
                FilterPolicy policy = current.filterPolicy() == null ? null
                        : parsePolicy(current.filterPolicy().json(), scope, prefix);
                return new Subscription.Settings(current.rawMessageDelivery(), policy, scope,
                        current.redrivePolicy(), current.deadLetterTargetArn(), current.other());
            }
            case "RedrivePolicy" -> {
                if (clear) {
                    return new Subscription.Settings(current.rawMessageDelivery(), current.filterPolicy(),
                            current.filterPolicyScope(), null, null, current.other());
                }
                String dlq = deadLetterTargetArn(value, prefix);
                return new Subscription.Settings(current.rawMessageDelivery(), current.filterPolicy(),
                        current.filterPolicyScope(), value, dlq, current.other());
            }
            default -> {
                if (!SUBSCRIPTION_ATTRIBUTES.contains(name)) {
                    throw SnsError.invalidParameter(prefix + "Unknown attribute " + name);
                }
                Map<String, String> other = new LinkedHashMap<>(current.other());
                if (clear) {
                    other.remove(name);
                } else {
                    other.put(name, value);
                }
                return new Subscription.Settings(current.rawMessageDelivery(), current.filterPolicy(),
                        current.filterPolicyScope(), current.redrivePolicy(), current.deadLetterTargetArn(), other);
            }
        }
    }

    private static FilterPolicy parsePolicy(String json, FilterPolicy.Scope scope, String prefix) {
        try {
            return FilterPolicy.parse(json, scope);
        } catch (FilterPolicy.InvalidFilterPolicyException e) {
            throw SnsError.invalidParameter(prefix + e.getMessage());
        }
    }

    private static String deadLetterTargetArn(String redrivePolicy, String prefix) {
        JsonNode root;
        try {
            root = JSON.readTree(redrivePolicy);
        } catch (JacksonException e) {
            throw SnsError.invalidParameter(prefix + "RedrivePolicy: failed to parse JSON.");
        }
        JsonNode target = root == null || !root.isObject() ? null : root.get("deadLetterTargetArn");
        if (target == null || !target.isString()) {
            throw SnsError.invalidParameter(prefix + "RedrivePolicy: deadLetterTargetArn is missing");
        }
        if (!isSqsArn(target.stringValue())) {
            throw SnsError.invalidParameter(prefix + "RedrivePolicy: Invalid deadLetterTargetArn");
        }
        return target.stringValue();
    }

    private static boolean isSqsArn(String arn) {
        try {
            SqsEmulator.queueNameFromArn(arn);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ publishing

    private void maybeFail() {
        int left = publishFailures.getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (left != 0) {
            throw SnsError.internal("Injected failure: the local SNS stand-in was told to fail publishes");
        }
    }

    private String publish(QueryParams params, String requestId) {
        maybeFail();
        String topicArn = params.get("TopicArn");
        if (topicArn == null || topicArn.isEmpty()) {
            topicArn = params.get("TargetArn");
        }
        if (topicArn == null || topicArn.isEmpty()) {
            if (params.has("PhoneNumber")) {
                throw SnsError.invalidParameter("Invalid parameter: PhoneNumber (SMS is not supported by the local "
                        + "SNS stand-in)");
            }
            throw SnsError.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required "
                    + "parameter");
        }
        Topic topic = topic(topicArn);
        Notification notification = notification(topic, params);
        delivery.fanOut(notification, List.copyOf(topic.subscriptions));
        return SnsXml.response("Publish", requestId, xml -> xml.element("MessageId", notification.messageId()));
    }

    private String publishBatch(QueryParams params, String requestId) {
        maybeFail();
        String topicArn = required(params, "TopicArn");
        List<QueryParams> entries = params.indexed("PublishBatchRequestEntries", "member");
        if (entries.isEmpty()) {
            throw SnsError.sender("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsError.sender("TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long totalBytes = 0;
        for (QueryParams entry : entries) {
            String id = entry.get("Id");
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) {
                throw SnsError.sender("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric "
                        + "characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!ids.add(id)) {
                throw SnsError.sender("BatchEntryIdsNotDistinct",
                        "Two or more batch entries in the request have the same Id.");
            }
            String message = entry.get("Message");
            totalBytes += message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length;
        }
        if (totalBytes > MAX_MESSAGE_BYTES) {
            throw SnsError.sender("BatchRequestTooLong", "The length of all the messages put together is more than "
                    + "the limit.");
        }
        Topic topic = topic(topicArn);
        List<String[]> successful = new ArrayList<>();
        List<String[]> failed = new ArrayList<>();
        for (QueryParams entry : entries) {
            String id = entry.get("Id");
            try {
                Notification notification = notification(topic, entry);
                delivery.fanOut(notification, List.copyOf(topic.subscriptions));
                successful.add(new String[] {id, notification.messageId()});
            } catch (SnsError e) {
                failed.add(new String[] {id, e.code(), e.getMessage(), Boolean.toString(e.type().equals("Sender"))});
            }
        }
        return SnsXml.response("PublishBatch", requestId, xml -> {
            xml.open("Successful");
            successful.forEach(s -> xml.open("member").element("Id", s[0]).element("MessageId", s[1]).close("member"));
            xml.close("Successful").open("Failed");
            failed.forEach(f -> xml.open("member").element("Id", f[0]).element("Code", f[1])
                    .element("Message", f[2]).element("SenderFault", f[3]).close("member"));
            xml.close("Failed");
        });
    }

    /** Validates one message (Publish or a batch entry) and makes the notification every subscription gets. */
    private Notification notification(Topic topic, QueryParams p) {
        String message = p.get("Message");
        if (message == null || message.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: Empty message");
        }
        String subject = p.get("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() > 100
                || !subject.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) {
            throw SnsError.invalidParameter("Invalid parameter: Subject");
        }
        String structure = p.get("MessageStructure");
        if (structure != null && !structure.isEmpty()) {
            if (!structure.equals("json")) {
                throw SnsError.invalidParameter("Invalid parameter: MessageStructure");
            }
            message = sqsMessageFromStructure(message);
        }
        // MessageGroupId is accepted on standard topics (and ignored here); a deduplication id is FIFO-only.
        if (p.has("MessageDeduplicationId")) {
            throw SnsError.invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes "
                    + "MessageDeduplicationId parameter that is not valid for this topic type");
        }
        Map<String, MessageAttributeValue> attributes = messageAttributes(p);
        long size = message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            MessageAttributeValue v = e.getValue();
            size += e.getKey().length() + v.dataType().length()
                    + (v.isBinary() ? v.binaryValue().length : v.stringValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsError.invalidParameter("Invalid parameter: Message too long");
        }
        return new Notification(UUID.randomUUID().toString(), topic.arn, subject, message, attributes, clock.instant());
    }

    private static String sqsMessageFromStructure(String message) {
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (JacksonException e) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (root == null || !root.isObject()) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        JsonNode defaultValue = root.get("default");
        if (defaultValue == null || !defaultValue.isString()) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        JsonNode sqs = root.get("sqs");
        return sqs != null && sqs.isString() ? sqs.stringValue() : defaultValue.stringValue();
    }

    private static Map<String, MessageAttributeValue> messageAttributes(QueryParams p) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        for (QueryParams entry : p.indexed("MessageAttributes", "entry")) {
            String name = entry.get("Name");
            if (name == null || name.isEmpty()) {
                throw SnsError.invalidParameter("Invalid parameter: MessageAttributes Reason: attribute name is empty");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!ATTRIBUTE_NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".")
                    || name.contains("..")) {
                throw SnsError.invalidParameterValue("The message attribute name '" + name + "' is invalid.");
            }
            if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
                throw SnsError.invalidParameterValue("The message attribute name '" + name
                        + "' uses a reserved prefix (AWS. or Amazon.).");
            }
            String type = entry.get("Value.DataType");
            if (type == null || type.isEmpty()) {
                throw SnsError.invalidParameterValue("The message attribute '" + name
                        + "' must contain non-empty message attribute type.");
            }
            String base = type.equals("String.Array") ? type : type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
            MessageAttributeValue value;
            switch (base) {
                case "String", "Number", "String.Array" -> {
                    String s = entry.get("Value.StringValue");
                    if (s == null || s.isEmpty()) {
                        throw SnsError.invalidParameterValue("The message attribute '" + name
                                + "' must contain non-empty message attribute value for message attribute type '"
                                + base + "'.");
                    }
                    if (base.equals("Number")) {
                        try {
                            new java.math.BigDecimal(s.trim());
                        } catch (NumberFormatException e) {
                            throw SnsError.invalidParameterValue("Could not cast message attribute '" + name
                                    + "' value to number.");
                        }
                    }
                    if (base.equals("String.Array")) {
                        JsonNode array;
                        try {
                            array = JSON.readTree(s);
                        } catch (JacksonException e) {
                            array = null;
                        }
                        if (array == null || !array.isArray()) {
                            throw SnsError.invalidParameterValue("The message attribute '" + name
                                    + "' with type 'String.Array' must hold a JSON array.");
                        }
                    }
                    value = new MessageAttributeValue(type, s, null);
                }
                case "Binary" -> {
                    String b = entry.get("Value.BinaryValue");
                    byte[] bytes;
                    try {
                        bytes = b == null ? new byte[0] : Base64.getDecoder().decode(b);
                    } catch (IllegalArgumentException e) {
                        throw SnsError.invalidParameterValue("The message attribute '" + name
                                + "' has an invalid binary value.");
                    }
                    if (bytes.length == 0) {
                        throw SnsError.invalidParameterValue("The message attribute '" + name
                                + "' must contain non-empty message attribute value for message attribute type 'Binary'.");
                    }
                    value = new MessageAttributeValue(type, null, bytes);
                }
                default -> throw SnsError.invalidParameterValue("The message attribute '" + name + "' has an invalid "
                        + "message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            attributes.put(name, value);
        }
        return attributes;
    }

    // ------------------------------------------------------------------ helpers

    private Topic topic(String arn) {
        Topic topic = topics.get(arn);
        if (topic == null) {
            if (!arn.startsWith("arn:aws:sns:")) {
                throw SnsError.invalidParameter("Invalid parameter: TopicArn");
            }
            throw SnsError.notFound("Topic does not exist");
        }
        return topic;
    }

    private Subscription subscription(String arn) {
        Subscription s = subscriptions.get(arn);
        if (s == null) {
            if (!arn.startsWith("arn:aws:sns:")) {
                throw SnsError.invalidParameter("Invalid parameter: SubscriptionArn");
            }
            throw SnsError.notFound("Subscription does not exist");
        }
        return s;
    }

    private static String required(QueryParams params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: " + name + " Reason: no value for required parameter");
        }
        return value;
    }

    private static String defaultTopicPolicy(String topicArn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:Publish\",\"SNS:Subscribe\",\"SNS:Receive\"],\"Resource\":\"" + topicArn
                + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + ACCOUNT_ID + "\"}}}]}";
    }

    private static String defaultDeliveryPolicy() {
        return "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,"
                + "\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,"
                + "\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false}}";
    }

    /** A page of 100, the token being the next index. */
    private record Page<T>(List<T> items, String nextToken) {
        static <T> Page<T> of(List<T> all, String token) {
            int from;
            try {
                from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw SnsError.invalidParameter("Invalid parameter: NextToken");
            }
            if (from < 0 || from > all.size()) {
                throw SnsError.invalidParameter("Invalid parameter: NextToken");
            }
            int to = Math.min(all.size(), from + 100);
            return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
        }
    }
}
