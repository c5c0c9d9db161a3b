package io.eventsuite.localcloud.sns;

import java.util.LinkedHashMap;
import java.util.Map;

import io.eventsuite.localcloud.sns.filter.FilterPolicy;

/**
 * An {@code sqs} subscription. Its delivery settings are one immutable value swapped whole, so a publish running
 * at the same time as SetSubscriptionAttributes sees either the old or the new settings, never half of each.
 */
final class Subscription {

    /**
     * @param filterPolicy null when there is none
     * @param filterPolicyScope the scope, also kept when there is no policy (it applies to the next one)
     * @param redrivePolicy the RedrivePolicy JSON as given, or null
     * @param deadLetterTargetArn the queue ARN named by the redrive policy, or null
     * @param other the other attributes stored as given (DeliveryPolicy, SubscriptionRoleArn, ...)
     */
    record Settings(boolean rawMessageDelivery, FilterPolicy filterPolicy, FilterPolicy.Scope filterPolicyScope,
                    String redrivePolicy, String deadLetterTargetArn, Map<String, String> other) {
        Settings {
            other = Map.copyOf(other);
        }

        static Settings defaults() {
            return new Settings(false, null, FilterPolicy.Scope.MESSAGE_ATTRIBUTES, null, null, Map.of());
        }

        Settings withRawMessageDelivery(boolean raw) {
            return new Settings(raw, filterPolicy, filterPolicyScope, redrivePolicy, deadLetterTargetArn, other);
        }

        Settings withFilterPolicy(FilterPolicy policy, FilterPolicy.Scope scope) {
            return new Settings(rawMessageDelivery, policy, scope, redrivePolicy, deadLetterTargetArn, other);
        }

        /** Both null to remove the redrive policy. */
        Settings withRedrivePolicy(String policy, String deadLetterArn) {
            return new Settings(rawMessageDelivery, filterPolicy, filterPolicyScope, policy, deadLetterArn, other);
        }

        Settings withOther(Map<String, String> attributes) {
            return new Settings(rawMessageDelivery, filterPolicy, filterPolicyScope, redrivePolicy,
                    deadLetterTargetArn, attributes);
        }

        /** The attributes as GetSubscriptionAttributes lists them (besides the identity ones). */
        Map<String, String> asAttributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("RawMessageDelivery", Boolean.toString(rawMessageDelivery));
            if (filterPolicy != null) {
                attributes.put("FilterPolicy", filterPolicy.json());
                attributes.put("FilterPolicyScope", filterPolicyScope.awsName());
            }
            if (redrivePolicy != null) {
                attributes.put("RedrivePolicy", redrivePolicy);
            }
            attributes.putAll(other);
            return attributes;
        }
    }

    final String arn;
    final String topicArn;
    final String protocol;
    final String endpoint;
    private volatile Settings settings;

    Subscription(String arn, String topicArn, String protocol, String endpoint, Settings settings) {
        this.arn = arn;
        this.topicArn = topicArn;
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    void settings(Settings settings) {
        this.settings = settings;
    }
}
