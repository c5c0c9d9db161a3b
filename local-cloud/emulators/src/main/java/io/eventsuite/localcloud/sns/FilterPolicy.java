package io.eventsuite.localcloud.sns;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    static final int MAX_KEYS = 5;
    static final int MAX_COMBINATIONS = 150;
    static final int MAX_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

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
        if (json == null || json.isBlank()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy can not be empty");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy is too long");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidFilterPolicyException("FilterPolicy: failed to parse JSON. " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy must be a JSON object");
        }
        if (root.size() > MAX_KEYS) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy can not have more than 5 keys");
        }
        if (combinations(root, 1) > MAX_COMBINATIONS) {
            throw new InvalidFilterPolicyException("FilterPolicy: Filter policy is too complex");
        }
        List<List<Condition>> alternatives = root.isEmpty() ? List.of() : expand(root, List.of(), scope);
        return new FilterPolicy(json, scope, List.copyOf(alternatives));
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
        if (attributes == null || attributes.isEmpty()) {
            return false;
        }
        for (List<Condition> alternative : alternatives) {
            boolean all = true;
            for (Condition condition : alternative) {
                if (!condition.test(attributeValues(attributes.get(condition.path().get(0))))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Applies the policy to a message body (whatever its scope); a body that is not a JSON object never matches. */
    public boolean matchesBody(String body) {
        if (alternatives.isEmpty()) {
            return true;
        }
        JsonNode root;
        try {
            root = body == null ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            return false;
        }
        if (root == null || !root.isObject()) {
            return false;
        }
        for (List<Condition> alternative : alternatives) {
            boolean all = true;
            for (Condition condition : alternative) {
                List<Leaf> leaves = new ArrayList<>();
                collect(root, condition.path(), 0, leaves);
                if (!condition.test(Values.of(leaves))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "FilterPolicy[" + scope.awsName() + " " + json + "]";
    }

    // ---------------------------------------------------------------- parsing

    private static boolean isOrOperator(String key, JsonNode value) {
        if (!"$or".equals(key) || !value.isArray() || value.size() < 2) {
            return false;
        }
        for (JsonNode branch : value) {
            if (!branch.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** AWS's count: the product over leaf arrays of (values x depth); alternatives of {@code $or} add up. */
    private static long combinations(JsonNode object, int depth) {
        long product = 1;
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode value = e.getValue();
            long factor;
            if (isOrOperator(e.getKey(), value)) {
                factor = 0;
                for (JsonNode branch : value) {
                    factor += combinations(branch, depth);
                }
            } else if (value.isObject()) {
                factor = combinations(value, depth + 1);
            } else if (value.isArray()) {
                factor = (long) Math.max(1, value.size()) * depth;
            } else {
                factor = 1;
            }
            product = Math.min(product * Math.max(1, factor), Integer.MAX_VALUE);
        }
        return product;
    }

    private static List<List<Condition>> expand(JsonNode object, List<String> parentPath, Scope scope) {
        List<List<Condition>> alternatives = new ArrayList<>();
        alternatives.add(List.of());
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            List<List<Condition>> branchAlternatives;
            if (isOrOperator(key, value)) {
                branchAlternatives = new ArrayList<>();
                for (JsonNode branch : value) {
                    if (branch.isEmpty()) {
                        throw new InvalidFilterPolicyException("FilterPolicy: Empty objects are not allowed in $or");
                    }
                    branchAlternatives.addAll(expand(branch, parentPath, scope));
                }
            } else {
                List<String> path = append(parentPath, key);
                if (value.isObject()) {
                    if (scope == Scope.MESSAGE_ATTRIBUTES) {
                        throw new InvalidFilterPolicyException(
                                "Filter policy scope MessageAttributes does not support nested filter policy");
                    }
                    if (value.isEmpty()) {
                        throw new InvalidFilterPolicyException(
                                "FilterPolicy: \"" + key + "\" must be an object or an array");
                    }
                    branchAlternatives = expand(value, path, scope);
                } else if (value.isArray()) {
                    if (value.isEmpty()) {
                        throw new InvalidFilterPolicyException("FilterPolicy: Empty arrays are not allowed");
                    }
                    List<Matcher> matchers = new ArrayList<>();
                    for (JsonNode rule : value) {
                        matchers.add(parseRule(rule));
                    }
                    branchAlternatives = List.of(List.of(new Condition(path, List.copyOf(matchers))));
                } else {
                    throw new InvalidFilterPolicyException(
                            "FilterPolicy: \"" + key + "\" must be an object or an array");
                }
            }
            List<List<Condition>> next = new ArrayList<>();
            for (List<Condition> left : alternatives) {
                for (List<Condition> right : branchAlternatives) {
                    List<Condition> merged = new ArrayList<>(left);
                    merged.addAll(right);
                    next.add(List.copyOf(merged));
                }
            }
            alternatives = next;
        }
        return alternatives;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> result = new ArrayList<>(path);
        result.add(key);
        return List.copyOf(result);
    }

    private static Matcher parseRule(JsonNode rule) {
        if (rule.isString()) {
            return new Exact(Leaf.string(rule.stringValue()));
        }
        if (rule.isNumber()) {
            return new Exact(Leaf.number(rule.decimalValue()));
        }
        if (rule.isBoolean()) {
            return new Exact(Leaf.bool(rule.booleanValue()));
        }
        if (rule.isNull()) {
            return new Exact(Leaf.NULL);
        }
        if (!rule.isObject()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Match value must be String, number, true, false, or null");
        }
        if (rule.size() != 1) {
            throw new InvalidFilterPolicyException("FilterPolicy: Only one key allowed in match expression");
        }
        Map.Entry<String, JsonNode> only = rule.properties().iterator().next();
        String operator = only.getKey();
        JsonNode operand = only.getValue();
        return switch (operator) {
            case "prefix" -> new Prefix(requireString(operator, operand));
            case "suffix" -> new Suffix(requireString(operator, operand));
            case "equals-ignore-case" -> new EqualsIgnoreCase(requireString(operator, operand));
            case "anything-but" -> parseAnythingBut(operand);
            case "numeric" -> parseNumeric(operand);
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw new InvalidFilterPolicyException(
                            "FilterPolicy: exists match pattern must be either true or false.");
                }
                yield new Exists(operand.booleanValue());
            }
            case "cidr" -> parseCidr(operand);
            default -> throw new InvalidFilterPolicyException("FilterPolicy: Unrecognized match type " + operator);
        };
    }

    private static String requireString(String operator, JsonNode operand) {
        if (!operand.isString()) {
            throw new InvalidFilterPolicyException("FilterPolicy: " + operator + " match pattern must be a string");
        }
        return operand.stringValue();
    }

    private static Matcher parseAnythingBut(JsonNode operand) {
        if (operand.isString() || operand.isNumber()) {
            return new AnythingBut(List.of(parseRule(operand)));
        }
        if (operand.isArray()) {
            if (operand.isEmpty()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Empty arrays are not allowed");
            }
            List<Matcher> excluded = new ArrayList<>();
            for (JsonNode value : operand) {
                if (!value.isString() && !value.isNumber()) {
                    throw new InvalidFilterPolicyException(
                            "FilterPolicy: Inside anything but list, only strings and numbers are supported");
                }
                excluded.add(parseRule(value));
            }
            return new AnythingBut(List.copyOf(excluded));
        }
        if (operand.isObject() && operand.size() == 1) {
            Map.Entry<String, JsonNode> inner = operand.properties().iterator().next();
            String op = inner.getKey();
            JsonNode value = inner.getValue();
            switch (op) {
                case "prefix" -> {
                    return new AnythingBut(List.of(new Prefix(requireString(op, value))));
                }
                case "suffix" -> {
                    return new AnythingBut(List.of(new Suffix(requireString(op, value))));
                }
                case "equals-ignore-case" -> {
                    if (value.isArray() && !value.isEmpty()) {
                        List<Matcher> excluded = new ArrayList<>();
                        for (JsonNode v : value) {
                            excluded.add(new EqualsIgnoreCase(requireString(op, v)));
                        }
                        return new AnythingBut(List.copyOf(excluded));
                    }
                    return new AnythingBut(List.of(new EqualsIgnoreCase(requireString(op, value))));
                }
                default -> throw new InvalidFilterPolicyException("FilterPolicy: Unsupported anything-but pattern: " + op);
            }
        }
        throw new InvalidFilterPolicyException(
                "FilterPolicy: Value of anything-but must be an array or single string/number value.");
    }

    private static Matcher parseNumeric(JsonNode operand) {
        if (!operand.isArray() || operand.isEmpty()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Value of numeric must be an array.");
        }
        List<NumericTerm> terms = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode op = operand.get(i);
            if (!op.isString()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Invalid member in numeric match: " + op);
            }
            String operator = op.stringValue();
            if (!List.of("=", "<", "<=", ">", ">=").contains(operator)) {
                throw new InvalidFilterPolicyException("FilterPolicy: Unrecognized numeric range operator: " + operator);
            }
            JsonNode number = i + 1 < operand.size() ? operand.get(i + 1) : null;
            if (number == null || !number.isNumber()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Value of "
                        + (operator.equals("=") ? "equals" : operator) + " must be numeric");
            }
            terms.add(new NumericTerm(operator, number.decimalValue()));
        }
        if (terms.size() > 2) {
            throw new InvalidFilterPolicyException("FilterPolicy: Too many terms in numeric range expression");
        }
        if (terms.size() == 2) {
            NumericTerm low = terms.get(0);
            NumericTerm high = terms.get(1);
            if (!low.operator().startsWith(">")) {
                throw new InvalidFilterPolicyException("FilterPolicy: Too many elements in numeric expression");
            }
            if (!high.operator().startsWith("<")) {
                throw new InvalidFilterPolicyException("FilterPolicy: Bad numeric range operator: " + high.operator());
            }
            if (high.value().compareTo(low.value()) <= 0) {
                throw new InvalidFilterPolicyException("FilterPolicy: Bottom must be less than top");
            }
        }
        return new Numeric(List.copyOf(terms));
    }

    private static Matcher parseCidr(JsonNode operand) {
        String cidr = requireString("cidr", operand);
        int slash = cidr.indexOf('/');
        if (slash < 0 || slash != cidr.lastIndexOf('/')) {
            throw new InvalidFilterPolicyException("FilterPolicy: Malformed CIDR, one '/' required");
        }
        byte[] network = ipLiteral(cidr.substring(0, slash));
        if (network == null) {
            throw new InvalidFilterPolicyException("FilterPolicy: Nonstandard IP address: " + cidr.substring(0, slash));
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidFilterPolicyException("FilterPolicy: Malformed CIDR, mask bits must be an integer");
        }
        if (bits < 0 || bits > network.length * 8) {
            throw new InvalidFilterPolicyException("FilterPolicy: Malformed CIDR, mask bits out of range");
        }
        return new Cidr(network, bits);
    }

    /** Parses an IPv4 or IPv6 literal without any name lookup; null when it is not one. */
    static byte[] ipLiteral(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = parts[i];
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int value = Integer.parseInt(part);
                if (value > 255) {
                    return null;
                }
                bytes[i] = (byte) value;
            }
            return bytes;
        }
        // IPv6: only hex digits, colons and dots (embedded IPv4) are let through, so no lookup can happen.
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return bytes.length == 16 ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- message side

    private static Values attributeValues(MessageAttributeValue attribute) {
        if (attribute == null) {
            return Values.ABSENT;
        }
        String value = attribute.stringValue();
        switch (attribute.baseType()) {
            case "String" -> {
                return new Values(true, value == null ? List.of() : List.of(Leaf.string(value)));
            }
            case "Number" -> {
                try {
                    return new Values(true, List.of(Leaf.number(new BigDecimal(value.trim()))));
                } catch (RuntimeException e) {
                    return new Values(true, List.of());
                }
            }
            case "String.Array" -> {
                List<Leaf> leaves = new ArrayList<>();
                try {
                    JsonNode array = JSON.readTree(value);
                    if (array != null && array.isArray()) {
                        for (JsonNode element : array) {
                            if (!element.isContainer()) {
                                leaves.add(Leaf.of(element));
                            }
                        }
                    }
                } catch (JacksonException | IllegalArgumentException e) {
                    // not a JSON array: present, but nothing to match
                }
                return new Values(true, leaves);
            }
            default -> {
                // Binary: SNS compares policies only with String, String.Array and Number attributes.
                return new Values(true, List.of());
            }
        }
    }

    private static void collect(JsonNode node, List<String> path, int index, List<Leaf> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path, index, out);
            }
            return;
        }
        if (index == path.size()) {
            if (!node.isObject()) {
                out.add(Leaf.of(node));
            }
            return;
        }
        if (node.isObject()) {
            collect(node.get(path.get(index)), path, index + 1, out);
        }
    }

    // ---------------------------------------------------------------- model

    private enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    private record Leaf(Kind kind, String string, BigDecimal number, boolean bool) {
        static final Leaf NULL = new Leaf(Kind.NULL, null, null, false);

        static Leaf string(String s) {
            return new Leaf(Kind.STRING, s, null, false);
        }

        static Leaf number(BigDecimal n) {
            return new Leaf(Kind.NUMBER, null, n, false);
        }

        static Leaf bool(boolean b) {
            return new Leaf(Kind.BOOLEAN, null, null, b);
        }

        static Leaf of(JsonNode node) {
            if (node.isString()) {
                return string(node.stringValue());
            }
            if (node.isNumber()) {
                return number(node.decimalValue());
            }
            if (node.isBoolean()) {
                return bool(node.booleanValue());
            }
            return NULL;
        }

        boolean sameAs(Leaf other) {
            if (kind != other.kind) {
                return false;
            }
            return switch (kind) {
                case STRING -> string.equals(other.string);
                case NUMBER -> number.compareTo(other.number) == 0;
                case BOOLEAN -> bool == other.bool;
                case NULL -> true;
            };
        }
    }

    /** What a message holds under one key: whether it is there (a non-null value) and its scalar values. */
    private record Values(boolean present, List<Leaf> leaves) {
        static final Values ABSENT = new Values(false, List.of());

        static Values of(List<Leaf> leaves) {
            boolean present = leaves.stream().anyMatch(l -> l.kind() != Kind.NULL);
            return new Values(present, leaves);
        }
    }

    private record Condition(List<String> path, List<Matcher> matchers) {
        boolean test(Values values) {
            for (Matcher matcher : matchers) {
                if (matcher instanceof Exists exists) {
                    if (exists.expected() == values.present()) {
                        return true;
                    }
                } else {
                    // an absent key has no values, so nothing but {"exists": false} can match it
                    for (Leaf leaf : values.leaves()) {
                        if (matcher.test(leaf)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    private sealed interface Matcher permits Exact, Prefix, Suffix, EqualsIgnoreCase, AnythingBut, Numeric, Exists, Cidr {
        boolean test(Leaf leaf);
    }

    private record Exact(Leaf expected) implements Matcher {
        public boolean test(Leaf leaf) {
            return expected.sameAs(leaf);
        }
    }

    private record Prefix(String prefix) implements Matcher {
        public boolean test(Leaf leaf) {
            return leaf.kind() == Kind.STRING && leaf.string().startsWith(prefix);
        }
    }

    private record Suffix(String suffix) implements Matcher {
        public boolean test(Leaf leaf) {
            return leaf.kind() == Kind.STRING && leaf.string().endsWith(suffix);
        }
    }

    private record EqualsIgnoreCase(String expected) implements Matcher {
        public boolean test(Leaf leaf) {
            return leaf.kind() == Kind.STRING
                    && leaf.string().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        }
    }

    /** Matches a non-null value none of the excluded matchers accept; string patterns need a string value. */
    private record AnythingBut(List<Matcher> excluded) implements Matcher {
        public boolean test(Leaf leaf) {
            if (leaf.kind() == Kind.NULL) {
                return false;
            }
            boolean stringPattern = excluded.stream().anyMatch(m -> !(m instanceof Exact));
            if (stringPattern && leaf.kind() != Kind.STRING) {
                return false;
            }
            return excluded.stream().noneMatch(m -> m.test(leaf));
        }
    }

    private record NumericTerm(String operator, BigDecimal value) {
        boolean test(BigDecimal actual) {
            int c = actual.compareTo(value);
            return switch (operator) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
        }
    }

    private record Numeric(List<NumericTerm> terms) implements Matcher {
        public boolean test(Leaf leaf) {
            return leaf.kind() == Kind.NUMBER && terms.stream().allMatch(t -> t.test(leaf.number()));
        }
    }

    private record Exists(boolean expected) implements Matcher {
        public boolean test(Leaf leaf) {
            return false; // handled by Condition, which knows about absence
        }
    }

    private record Cidr(byte[] network, int bits) implements Matcher {
        public boolean test(Leaf leaf) {
            if (leaf.kind() != Kind.STRING) {
                return false;
            }
            byte[] address = ipLiteral(leaf.string());
            if (address == null || address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
