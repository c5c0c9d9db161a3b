package io.eventsuite.localcloud.sns.filter;

import static io.eventsuite.localcloud.sns.filter.FilterPolicy.Scope.MESSAGE_ATTRIBUTES;
import static io.eventsuite.localcloud.sns.filter.FilterPolicy.Scope.MESSAGE_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.eventsuite.localcloud.sns.MessageAttributeValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filter policies against messages, drawn from the AWS SNS developer guide ("Amazon SNS example filter policies",
 * "String value matching", "Numeric value matching", "Key matching", "IP address matching", "AND/OR logic", "Filter
 * policy constraints"). Message attributes are written as the envelope shows them:
 * {@code {"name": {"Type": "String", "Value": "..."}}}.
 */
class FilterPolicyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The transaction of the guide's example, as message attributes. */
    private static final String EXAMPLE_ATTRIBUTES = """
            {"customer_interests": {"Type": "String.Array", "Value": "[\\"soccer\\", \\"rugby\\", \\"hockey\\"]"},
             "store": {"Type": "String", "Value": "example_corp"},
             "event": {"Type": "String", "Value": "order_placed"},
             "price_usd": {"Type": "Number", "Value": "210.75"}}""";

    /** The same transaction as a message body. */
    private static final String EXAMPLE_BODY = """
            {"customer_interests": ["soccer", "rugby", "hockey"],
             "store": "example_corp",
             "event": "order_placed",
             "price_usd": 210.75}""";

    static Stream<Arguments> attributeCases() {
        return Stream.of(
                // --- the guide's example policy against its example message
                row("example policy accepts the example message",
                        "{\"store\":[\"example_corp\"],\"event\":[{\"anything-but\":\"order_cancelled\"}],"
                                + "\"customer_interests\":[\"rugby\",\"football\",\"baseball\"],"
                                + "\"price_usd\":[{\"numeric\":[\">=\",100]}]}",
                        EXAMPLE_ATTRIBUTES, true),
                row("example policy: one key failing rejects (AND across keys)",
                        "{\"store\":[\"example_corp\"],\"event\":[\"order_cancelled\"]}", EXAMPLE_ATTRIBUTES, false),
                row("OR within a key's array", "{\"event\":[\"order_cancelled\",\"order_placed\"]}",
                        EXAMPLE_ATTRIBUTES, true),

                // --- exact string matching
                row("exact string", "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
                        attrs("customer_interests", "String", "rugby"), true),
                row("exact string is case-sensitive", "{\"customer_interests\":[\"rugby\"]}",
                        attrs("customer_interests", "String", "Rugby"), false),
                row("exact string does not match another value", "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
                        attrs("customer_interests", "String", "baseball"), false),
                row("String.Array: any element may match", "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
                        attrs("customer_interests", "String.Array", "[\"rugby\", \"tennis\"]"), true),
                row("String.Array: no element matches", "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
                        attrs("customer_interests", "String.Array", "[\"baseball\"]"), false),
                row("String.Array holding numbers", "{\"sizes\":[42]}",
                        attrs("sizes", "String.Array", "[40, 42.0]"), true),
                row("a string policy value does not match a Number attribute", "{\"price_usd\":[\"210.75\"]}",
                        attrs("price_usd", "Number", "210.75"), false),
                row("custom String label", "{\"type\":[\"a\"]}", attrs("type", "String.custom", "a"), true),

                // --- prefix, suffix, equals-ignore-case
                row("prefix", "{\"customer_interests\":[{\"prefix\":\"bas\"}]}",
                        attrs("customer_interests", "String", "basketball"), true),
                row("prefix not matching", "{\"customer_interests\":[{\"prefix\":\"bas\"}]}",
                        attrs("customer_interests", "String", "rugby"), false),
                row("prefix on a String.Array element", "{\"customer_interests\":[{\"prefix\":\"bas\"}]}",
                        attrs("customer_interests", "String.Array", "[\"rugby\",\"baseball\"]"), true),
                row("suffix", "{\"customer_interests\":[{\"suffix\":\"ball\"}]}",
                        attrs("customer_interests", "String", "baseball"), true),
                row("suffix not matching", "{\"customer_interests\":[{\"suffix\":\"ball\"}]}",
                        attrs("customer_interests", "String", "rugby"), false),
                row("equals-ignore-case", "{\"customer_interests\":[{\"equals-ignore-case\":\"tennis\"}]}",
                        attrs("customer_interests", "String", "TeNnIs"), true),
                row("equals-ignore-case not matching", "{\"customer_interests\":[{\"equals-ignore-case\":\"tennis\"}]}",
                        attrs("customer_interests", "String", "tennis-elbow"), false),

                // --- anything-but
                row("anything-but list", "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
                        attrs("customer_interests", "String", "baseball"), true),
                row("anything-but list: a listed value", "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
                        attrs("customer_interests", "String", "rugby"), false),
                row("anything-but on String.Array: one unlisted element is enough",
                        "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
                        attrs("customer_interests", "String.Array", "[\"rugby\",\"baseball\"]"), true),
                row("anything-but on String.Array: every element listed",
                        "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
                        attrs("customer_interests", "String.Array", "[\"rugby\",\"tennis\"]"), false),
                row("anything-but single value", "{\"event\":[{\"anything-but\":\"order_cancelled\"}]}",
                        attrs("event", "String", "order_placed"), true),
                row("anything-but single value, equal", "{\"event\":[{\"anything-but\":\"order_cancelled\"}]}",
                        attrs("event", "String", "order_cancelled"), false),
                row("anything-but numbers", "{\"price\":[{\"anything-but\":[100,500]}]}",
                        attrs("price", "Number", "100.1"), true),
                row("anything-but numbers, equal numerically", "{\"price\":[{\"anything-but\":[100,500]}]}",
                        attrs("price", "Number", "1.0e2"), false),
                row("anything-but prefix", "{\"event\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}",
                        attrs("event", "String", "data-entry"), true),
                row("anything-but prefix, prefixed", "{\"event\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}",
                        attrs("event", "String", "order-cancelled"), false),
                row("anything-but suffix", "{\"file\":[{\"anything-but\":{\"suffix\":\".png\"}}]}",
                        attrs("file", "String", "a.jpg"), true),
                row("anything-but equals-ignore-case", "{\"event\":[{\"anything-but\":{\"equals-ignore-case\":[\"A\",\"b\"]}}]}",
                        attrs("event", "String", "B"), false),
                row("anything-but does not match an absent key", "{\"event\":[{\"anything-but\":\"x\"}]}",
                        attrs("other", "String", "y"), false),
                row("anything-but or exists false", "{\"event\":[{\"anything-but\":\"x\"},{\"exists\":false}]}",
                        attrs("other", "String", "y"), true),

                // --- numeric
                row("exact number", "{\"price_usd\":[301.5]}", attrs("price_usd", "Number", "3.015e2"), true),
                row("numeric =", "{\"price_usd\":[{\"numeric\":[\"=\",301.5]}]}", attrs("price_usd", "Number", "301.5"), true),
                row("numeric = with exponent", "{\"price_usd\":[{\"numeric\":[\"=\",301.5]}]}",
                        attrs("price_usd", "Number", "3.015e2"), true),
                row("numeric range inside", "{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}",
                        attrs("price_usd", "Number", "150"), true),
                row("numeric range: lower bound excluded", "{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}",
                        attrs("price_usd", "Number", "0"), false),
                row("numeric range: above", "{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}",
                        attrs("price_usd", "Number", "150.00001"), false),
                row("numeric <", "{\"price_usd\":[{\"numeric\":[\"<\",100]}]}", attrs("price_usd", "Number", "99.99"), true),
                row("numeric <=", "{\"price_usd\":[{\"numeric\":[\"<=\",100]}]}", attrs("price_usd", "Number", "100"), true),
                row("numeric >=", "{\"price_usd\":[{\"numeric\":[\">=\",100]}]}", attrs("price_usd", "Number", "99"), false),
                row("numeric >= and <", "{\"price_usd\":[{\"numeric\":[\">=\",100,\"<\",200]}]}",
                        attrs("price_usd", "Number", "200"), false),
                row("numeric does not match a String attribute", "{\"price_usd\":[{\"numeric\":[\">\",0]}]}",
                        attrs("price_usd", "String", "5"), false),
                row("a number policy value does not match a String attribute", "{\"price_usd\":[5]}",
                        attrs("price_usd", "String", "5"), false),

                // --- exists and missing keys
                row("exists true", "{\"store\":[{\"exists\":true}]}", EXAMPLE_ATTRIBUTES, true),
                row("exists true, key absent", "{\"store\":[{\"exists\":true}]}",
                        attrs("customer_interests", "String.Array", "[\"baseball\",\"basketball\"]"), false),
                row("exists false, key absent", "{\"store\":[{\"exists\":false}]}",
                        attrs("customer_interests", "String.Array", "[\"baseball\",\"basketball\"]"), true),
                row("exists false, key present", "{\"store\":[{\"exists\":false}]}", EXAMPLE_ATTRIBUTES, false),
                row("exists false never matches a message with no attributes", "{\"store\":[{\"exists\":false}]}",
                        "{}", false),
                row("an absent key fails an exact match", "{\"store\":[\"example_corp\"]}",
                        attrs("event", "String", "order_placed"), false),
                row("an absent key fails a numeric match", "{\"price_usd\":[{\"numeric\":[\">\",0]}]}",
                        attrs("event", "String", "order_placed"), false),
                row("exists true on a Binary attribute", "{\"blob\":[{\"exists\":true}]}", binaryAttrs("blob"), true),
                row("a Binary attribute never matches values", "{\"blob\":[\"AQID\"]}", binaryAttrs("blob"), false),

                // --- cidr
                row("cidr inside", "{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", attrs("source_ip", "String", "10.0.0.255"), true),
                row("cidr network address", "{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", attrs("source_ip", "String", "10.0.0.0"), true),
                row("cidr outside", "{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", attrs("source_ip", "String", "10.1.1.0"), false),
                row("cidr with odd mask", "{\"source_ip\":[{\"cidr\":\"192.168.1.128/25\"}]}",
                        attrs("source_ip", "String", "192.168.1.127"), false),
                row("cidr IPv6", "{\"source_ip\":[{\"cidr\":\"2001:db8::/32\"}]}",
                        attrs("source_ip", "String", "2001:db8:0:1::7"), true),
                row("cidr on something that is not an address", "{\"source_ip\":[{\"cidr\":\"10.0.0.0/8\"}]}",
                        attrs("source_ip", "String", "ten.example"), false),

                // --- $or
                row("$or: first branch", "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},"
                        + "{\"namespace\":[\"AWS/EC2\"]}]}",
                        attrs("source", "String", "aws.cloudwatch", "metricName", "String", "CPUUtilization"), true),
                row("$or: second branch", "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},"
                        + "{\"namespace\":[\"AWS/EC2\"]}]}",
                        attrs("source", "String", "aws.cloudwatch", "namespace", "String", "AWS/EC2"), true),
                row("$or: neither branch", "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},"
                        + "{\"namespace\":[\"AWS/EC2\"]}]}",
                        attrs("source", "String", "aws.cloudwatch", "namespace", "String", "AWS/RDS"), false),
                row("$or: the AND outside still applies", "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},"
                        + "{\"namespace\":[\"AWS/EC2\"]}]}",
                        attrs("source", "String", "aws.s3", "namespace", "String", "AWS/EC2"), false),
                row("$or with one element is an ordinary key name", "{\"$or\":[\"x\"]}", attrs("$or", "String", "x"), true),

                // --- empty policy
                row("an empty policy accepts everything", "{}", attrs("a", "String", "b"), true));
    }

    static Stream<Arguments> bodyCases() {
        return Stream.of(
                row("example policy on the body",
                        "{\"store\":[\"example_corp\"],\"event\":[{\"anything-but\":\"order_cancelled\"}],"
                                + "\"customer_interests\":[\"rugby\",\"football\",\"baseball\"],"
                                + "\"price_usd\":[{\"numeric\":[\">=\",100]}]}",
                        EXAMPLE_BODY, true),
                row("arrays in the body: any element", "{\"customer_interests\":[\"hockey\"]}", EXAMPLE_BODY, true),
                row("numbers in the body", "{\"price_usd\":[{\"numeric\":[\"=\",301.5]}]}", "{\"price_usd\":3.015e2}", true),
                row("a number does not match a numeric-looking string in the body", "{\"price_usd\":[210.75]}",
                        "{\"price_usd\":\"210.75\"}", false),
                row("nested keys", "{\"store\":{\"name\":[\"example_corp\"]}}",
                        "{\"store\":{\"name\":\"example_corp\",\"city\":\"Oslo\"}}", true),
                row("nested keys, other value", "{\"store\":{\"name\":[\"example_corp\"]}}",
                        "{\"store\":{\"name\":\"other\"}}", false),
                row("nested keys through arrays of objects", "{\"lines\":{\"sku\":[{\"prefix\":\"BOOK-\"}]}}",
                        "{\"lines\":[{\"sku\":\"PEN-1\"},{\"sku\":\"BOOK-7\"}]}", true),
                row("deeply nested, three levels", "{\"a\":{\"b\":{\"c\":[true]}}}", "{\"a\":{\"b\":{\"c\":true}}}", true),
                row("booleans", "{\"vip\":[true]}", "{\"vip\":false}", false),
                row("null matches null", "{\"coupon\":[null]}", "{\"coupon\":null}", true),
                row("exists true in the body", "{\"store\":[{\"exists\":true}]}", EXAMPLE_BODY, true),
                row("exists false in the body", "{\"coupon\":[{\"exists\":false}]}", EXAMPLE_BODY, true),
                row("exists false, nested key present", "{\"store\":{\"name\":[{\"exists\":false}]}}",
                        "{\"store\":{\"name\":\"x\"}}", false),
                row("exists true does not take an intermediate node", "{\"store\":[{\"exists\":true}]}",
                        "{\"store\":{\"name\":\"x\"}}", false),
                row("a missing nested key fails an exact match", "{\"store\":{\"name\":[\"x\"]}}", "{\"store\":{}}", false),
                row("$or nested in the body",
                        "{\"order\":{\"$or\":[{\"total\":[{\"numeric\":[\">\",1000]}]},{\"vip\":[true]}]}}",
                        "{\"order\":{\"total\":20,\"vip\":true}}", true),
                row("$or nested in the body, neither",
                        "{\"order\":{\"$or\":[{\"total\":[{\"numeric\":[\">\",1000]}]},{\"vip\":[true]}]}}",
                        "{\"order\":{\"total\":20,\"vip\":false}}", false),
                row("cidr in the body", "{\"ip\":[{\"cidr\":\"10.0.0.0/8\"}]}", "{\"ip\":\"10.20.30.40\"}", true),
                row("a body that is not JSON matches nothing", "{\"a\":[{\"exists\":false}]}", "plain text", false),
                row("a body that is a JSON array matches nothing", "{\"a\":[{\"exists\":false}]}", "[1,2]", false),
                row("the empty policy takes any body", "{}", "plain text", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributeCases")
    void messageAttributesScope(String description, String policy, String attributes, boolean expected) {
        FilterPolicy filter = FilterPolicy.parse(policy, MESSAGE_ATTRIBUTES);

        assertThat(filter.matches("ignored body", attributes(attributes))).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyCases")
    void messageBodyScope(String description, String policy, String body, boolean expected) {
        FilterPolicy filter = FilterPolicy.parse(policy, MESSAGE_BODY);

        assertThat(filter.matches(body, Map.of())).as(description).isEqualTo(expected);
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                Arguments.of("not JSON", MESSAGE_ATTRIBUTES, "{type:", "failed to parse JSON"),
                Arguments.of("not an object", MESSAGE_ATTRIBUTES, "[\"a\"]", "must be a JSON object"),
                Arguments.of("a bare value", MESSAGE_ATTRIBUTES, "{\"type\":\"a\"}", "\"type\" must be an object or an array"),
                Arguments.of("empty array", MESSAGE_ATTRIBUTES, "{\"type\":[]}", "Empty arrays are not allowed"),
                Arguments.of("nested in attribute scope", MESSAGE_ATTRIBUTES, "{\"a\":{\"b\":[\"c\"]}}",
                        "does not support nested filter policy"),
                Arguments.of("six keys", MESSAGE_ATTRIBUTES,
                        "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}", "more than 5 keys"),
                Arguments.of("too complex", MESSAGE_ATTRIBUTES,
                        "{\"a\":[1,2,3,4,5,6],\"b\":[1,2,3,4,5,6],\"c\":[1,2,3,4,5]}", "too complex"),
                Arguments.of("unknown operator", MESSAGE_ATTRIBUTES, "{\"a\":[{\"wildcard-ish\":\"x\"}]}",
                        "Unrecognized match type wildcard-ish"),
                Arguments.of("two operators in one object", MESSAGE_ATTRIBUTES, "{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}",
                        "Only one key allowed in match expression"),
                Arguments.of("prefix not a string", MESSAGE_ATTRIBUTES, "{\"a\":[{\"prefix\":1}]}",
                        "prefix match pattern must be a string"),
                Arguments.of("exists not a boolean", MESSAGE_ATTRIBUTES, "{\"a\":[{\"exists\":\"yes\"}]}",
                        "exists match pattern must be either true or false."),
                Arguments.of("numeric with a string operand", MESSAGE_ATTRIBUTES, "{\"a\":[{\"numeric\":[\">\",\"1\"]}]}",
                        "Value of > must be numeric"),
                Arguments.of("numeric unknown operator", MESSAGE_ATTRIBUTES, "{\"a\":[{\"numeric\":[\"!=\",1]}]}",
                        "Unrecognized numeric range operator: !="),
                Arguments.of("numeric range upside down", MESSAGE_ATTRIBUTES, "{\"a\":[{\"numeric\":[\">\",10,\"<\",5]}]}",
                        "Bottom must be less than top"),
                Arguments.of("numeric range with = first", MESSAGE_ATTRIBUTES, "{\"a\":[{\"numeric\":[\"=\",10,\"<\",50]}]}",
                        "Too many elements in numeric expression"),
                Arguments.of("numeric range of three", MESSAGE_ATTRIBUTES,
                        "{\"a\":[{\"numeric\":[\">\",1,\"<\",5,\"<\",6]}]}", "Too many terms"),
                Arguments.of("anything-but with an object inside a list", MESSAGE_ATTRIBUTES,
                        "{\"a\":[{\"anything-but\":[{\"prefix\":\"x\"}]}]}", "only strings and numbers"),
                Arguments.of("anything-but with an unknown pattern", MESSAGE_ATTRIBUTES,
                        "{\"a\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}", "Unsupported anything-but pattern: numeric"),
                Arguments.of("cidr without a mask", MESSAGE_ATTRIBUTES, "{\"a\":[{\"cidr\":\"10.0.0.0\"}]}",
                        "Malformed CIDR, one '/' required"),
                Arguments.of("cidr with a bad address", MESSAGE_ATTRIBUTES, "{\"a\":[{\"cidr\":\"10.0.0.300/8\"}]}",
                        "Nonstandard IP address"),
                Arguments.of("cidr with a bad mask", MESSAGE_ATTRIBUTES, "{\"a\":[{\"cidr\":\"10.0.0.0/x\"}]}",
                        "mask bits must be an integer"),
                Arguments.of("a nested array as a value", MESSAGE_ATTRIBUTES, "{\"a\":[[\"x\"]]}",
                        "Match value must be String, number, true, false, or null"),
                Arguments.of("nested too complex in the body", MESSAGE_BODY,
                        "{\"a\":{\"b\":{\"c\":[1,2,3,4,5,6,7,8,9,10]}},\"d\":{\"e\":[1,2,3]}}", "too complex"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void invalidPoliciesAreRefusedWithSnsReason(String description, FilterPolicy.Scope scope, String policy,
                                                String reason) {
        assertThatThrownBy(() -> FilterPolicy.parse(policy, scope))
                .as(description)
                .isInstanceOf(FilterPolicy.InvalidFilterPolicyException.class)
                .hasMessageStartingWith(reason.contains("nested") ? "Filter policy scope" : "FilterPolicy: ")
                .hasMessageContaining(reason);
    }

    @Test
    void theGuidesNestedComplexityExampleIsAllowed() {
        // 3 x 4 x 2 x 3 = 72 combinations: under the limit of 150
        FilterPolicy policy = FilterPolicy.parse("{\"key_a\":{\"key_b\":{\"key_c\":[\"value_one\",\"value_two\","
                + "\"value_three\",\"value_four\"]}},\"key_d\":{\"key_e\":[\"value_one\",\"value_two\",\"value_three\"]}}",
                MESSAGE_BODY);

        assertThat(policy.matches("{\"key_a\":{\"key_b\":{\"key_c\":\"value_two\"}},\"key_d\":{\"key_e\":\"value_one\"}}",
                Map.of())).isTrue();
    }

    @Test
    void scopeNamesAreSnsOnes() {
        assertThat(FilterPolicy.Scope.fromAwsName("MessageBody")).isEqualTo(MESSAGE_BODY);
        assertThat(FilterPolicy.Scope.fromAwsName("MessageAttributes")).isEqualTo(MESSAGE_ATTRIBUTES);
        assertThatThrownBy(() -> FilterPolicy.Scope.fromAwsName("messagebody"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FilterPolicy.parse("{\"a\":[\"b\"]}").scope()).isEqualTo(MESSAGE_ATTRIBUTES);
    }

    // ------------------------------------------------------------------ helpers

    private static Arguments row(String description, String policy, String message, boolean expected) {
        return Arguments.of(description, policy, message, expected);
    }

    /** {@code attrs("a", "String", "x", "b", "Number", "1")} written as envelope-style JSON. */
    private static String attrs(String... triples) {
        Map<String, Map<String, String>> map = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            map.put(triples[i], Map.of("Type", triples[i + 1], "Value", triples[i + 2]));
        }
        return JSON.writeValueAsString(map);
    }

    private static String binaryAttrs(String name) {
        return attrs(name, "Binary", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
    }

    private static Map<String, MessageAttributeValue> attributes(String json) {
        JsonNode root = JSON.readTree(json);
        Map<String, MessageAttributeValue> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String type = e.getValue().get("Type").stringValue();
            String value = e.getValue().get("Value").stringValue();
            result.put(e.getKey(), type.equals("Binary")
                    ? MessageAttributeValue.binary(Base64.getDecoder().decode(value))
                    : new MessageAttributeValue(type, value, null));
        }
        return result;
    }
}
