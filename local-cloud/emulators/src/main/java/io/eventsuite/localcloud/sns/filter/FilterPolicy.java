package io.eventsuite.localcloud.sns.filter;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.eventsuite.localcloud.sns.MessageAttributeValue;

/**
 * An SNS subscription filter policy, parsed and validated as SNS does on Subscribe and SetSubscriptionAttributes.
 *
 * <p>Semantics (AWS "Amazon SNS message filtering"):
 * <ul>
 *   <li>AND across keys, OR within a key's array; a top-level (or, in body scope, nested) {@code "$or": [{…}, {…}]}
 *       with at least two objects ORs whole sub-policies.</li>
 *   <li>Matchers: exact strings, numbers, {@code true}/{@code false}/{@code null}; {@code prefix}, {@code suffix},
 *       {@code equals-ignore-case}; {@code anything-but} with a value, a list, or {@code {"prefix"|"suffix"|
 *       "equals-ignore-case": …}}; {@code numeric} with {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=} and
 *       ranges such as {@code [">", 0, "<=", 150]}; {@code exists} true/false; {@code cidr} (IPv4 and IPv6).</li>
 *   <li>Scope {@link Scope#MESSAGE_ATTRIBUTES} (default): keys are attribute names. {@code String} values are strings,
 *       {@code Number} values numbers, every element of a {@code String.Array} is tried (any may match);
 *       {@code Binary} attributes only count for {@code exists}. A message with no attributes matches no policy,
 *       not even {@code {"exists": false}}. Nested policies are refused.</li>
 *   <li>Scope {@link Scope#MESSAGE_BODY}: the body must be a JSON object; nested keys walk into it; arrays anywhere on
 *       the path are flattened (any element may match). A body that is not a JSON object matches nothing.</li>
 *   <li>A key absent from the message matches only {@code {"exists": false}}; {@code anything-but} never matches it.</li>
 *   <li>Limits: at most 5 top-level keys, at most 150 value combinations, 256 KB.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 *
 * <p>The pieces: {@link PolicyParser} validates and expands the document ({@link OrOperator}, {@link
 * PolicyComplexity}), {@link MatchRules} turns each array element into a {@link Matcher}, and {@link AttributeValues}
 * or {@link BodyValues} read what the message holds under a key.
 */
public final class FilterPolicy {

    /** The {@code FilterPolicyScope} subscription attribute. */
    public enum Scope {
        MESSAGE_ATTRIBUTES("MessageAttributes"),
        MESSAGE_BODY("MessageBody");

        private final String awsName;

        Scope(String awsName) {
            this.awsName = awsName;
        }

        /** The value SNS uses in the {@code FilterPolicyScope} attribute. */
        public String awsName() {
            return awsName;
        }

        /** Parses {@code MessageAttributes} or {@code MessageBody}. */
        public static Scope fromAwsName(String value) {
            for (Scope scope : values()) {
                if (scope.awsName.equals(value)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException(
                    "Invalid filter policy scope, please specify either MessageAttributes or MessageBody");
        }
    }

    /** A filter policy SNS would refuse; the message is the part SNS puts after {@code FilterPolicy: }. */
    public static final class InvalidFilterPolicyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidFilterPolicyException(String message) {
            super(message);
        }
    }

    private final String json;
    private final Scope scope;
    /** OR of alternatives, each an AND of conditions; empty means "match everything". */
    private final List<List<Condition>> alternatives;

    private FilterPolicy(String json, Scope scope, List<List<Condition>> alternatives) {
        this.json = json;
        this.scope = scope;
        this.alternatives = alternatives;
    }

    /**
     * Parses and validates a policy.
     *
     * @throws InvalidFilterPolicyException with SNS's reason when the policy is not acceptable
     */
    public static FilterPolicy parse(String json, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return new FilterPolicy(json, scope, PolicyParser.parse(json, scope));
    }

    /** Parses a policy in the default scope, {@link Scope#MESSAGE_ATTRIBUTES}. */
    public static FilterPolicy parse(String json) {
        return parse(json, Scope.MESSAGE_ATTRIBUTES);
    }

    public String json() {
        return json;
    }

    public Scope scope() {
        return scope;
    }

    /** Applies the policy to a published message in its scope. */
    public boolean matches(String messageBody, Map<String, MessageAttributeValue> attributes) {
        return scope == Scope.MESSAGE_BODY ? matchesBody(messageBody) : matchesAttributes(attributes);
    }

    /** Applies the policy to message attributes (whatever its scope). */
    public boolean matchesAttributes(Map<String, MessageAttributeValue> attributes) {
        if (alternatives.isEmpty()) {
            return true;
        }
        // SNS: a message without attributes matches no attribute policy, not even {"exists": false}.
        if (attributes == null || attributes.isEmpty()) {
            return false;
        }
        return anyAlternativeHolds(new AttributeValues(attributes));
    }

    /** Applies the policy to a message body (whatever its scope); a body that is not a JSON object never matches. */
    public boolean matchesBody(String body) {
        if (alternatives.isEmpty()) {
            return true;
        }
        return BodyValues.parse(body).map(this::anyAlternativeHolds).orElse(false);
    }

    @Override
    public String toString() {
        return "FilterPolicy[" + scope.awsName() + " " + json + "]";
    }

    private boolean anyAlternativeHolds(MessageValues message) {
        for (List<Condition> alternative : alternatives) {
            if (alternative.stream().allMatch(condition -> condition.holdsIn(message))) {
                return true;
            }
        }
        return false;
    }
}
