package io.eventsuite.localcloud.sns;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.eventsuite.localcloud.sns.filter.FilterPolicy;
import io.eventsuite.localcloud.sqs.SqsEmulator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Subscription attributes as Subscribe and SetSubscriptionAttributes take them: each validated as SNS does and
 * applied to {@link Subscription.Settings}. The attributes the stand-in acts on (RawMessageDelivery, FilterPolicy,
 * FilterPolicyScope, RedrivePolicy) become typed settings; the other known ones are stored as given.
 */
final class SubscriptionAttributes {

    private static final Set<String> KNOWN = Set.of("DeliveryPolicy", "FilterPolicy",
            "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final String ON_SUBSCRIBE = "Invalid parameter: Attributes Reason: ";
    private static final String ON_SET = "Invalid parameter: ";

    private SubscriptionAttributes() {
    }

    static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    /** The settings of a new subscription from Subscribe's {@code Attributes}. */
    static Subscription.Settings onSubscribe(Map<String, String> requested) {
        Subscription.Settings settings = Subscription.Settings.defaults();
        // The scope first, so the policy is validated in the scope it will run in.
        if (requested.containsKey("FilterPolicyScope")) {
            settings = apply(settings, "FilterPolicyScope", requested.get("FilterPolicyScope"), ON_SUBSCRIBE);
        }
        for (Map.Entry<String, String> e : requested.entrySet()) {
            if (!e.getKey().equals("FilterPolicyScope")) {
                settings = apply(settings, e.getKey(), e.getValue(), ON_SUBSCRIBE);
            }
        }
        return settings;
    }

    /** The settings after SetSubscriptionAttributes; an empty value clears the attribute. */
    static Subscription.Settings onSet(Subscription.Settings current, String name, String value) {
        return apply(current, name, value, ON_SET);
    }

    /** SNS words its reasons differently for the two actions, hence {@code prefix}. */
    private static Subscription.Settings apply(Subscription.Settings current, String name, String value,
                                               String prefix) {
        boolean clear = value == null || value.isEmpty();
        switch (name) {
            case "RawMessageDelivery" -> {
                if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                    throw SnsError.invalidParameter(prefix + "RawMessageDelivery: Invalid value [" + value
                            + "]. Must be true or false.");
                }
                return current.withRawMessageDelivery(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
            }
            case "FilterPolicy" -> {
                FilterPolicy policy = clear ? null : parsePolicy(value, current.filterPolicyScope(), prefix);
                return current.withFilterPolicy(policy, current.filterPolicyScope());
            }
            case "FilterPolicyScope" -> {
                FilterPolicy.Scope scope;
                try {
                    scope = FilterPolicy.Scope.fromAwsName(value);
                } catch (IllegalArgumentException e) {
                    throw SnsError.invalidParameter(prefix + "FilterPolicyScope: " + e.getMessage());
                }
                // the policy already set must hold in the new scope too (a nested one does not in MessageAttributes)
                FilterPolicy policy = current.filterPolicy() == null ? null
                        : parsePolicy(current.filterPolicy().json(), scope, prefix);
                return current.withFilterPolicy(policy, scope);
            }
            case "RedrivePolicy" -> {
                if (clear) {
                    return current.withRedrivePolicy(null, null);
                }
                return current.withRedrivePolicy(value, deadLetterTargetArn(value, prefix));
            }
            default -> {
                if (!KNOWN.contains(name)) {
                    throw SnsError.invalidParameter(prefix + "Unknown attribute " + name);
                }
                Map<String, String> other = new LinkedHashMap<>(current.other());
                if (clear) {
                    other.remove(name);
                } else {
                    other.put(name, value);
                }
                return current.withOther(other);
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
            root = RequestJson.MAPPER.readTree(redrivePolicy);
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

    /** A queue ARN the delivery side can resolve: the endpoint of a subscription, or its dead-letter queue. */
    static boolean isSqsArn(String arn) {
        try {
            SqsEmulator.queueNameFromArn(arn);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
