package io.eventsuite.adapters.wiring.priming;

import io.eventsuite.platform.snapstart.PrimingSandbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What AWS would answer a function's calls on its success path, given in memory during SnapStart priming (through
 * {@link InMemoryPrimingTransport}): DynamoDB accepts every write, finds the {@link PrimingItem}s and nothing else,
 * queries find nothing; SNS publishes every message and every batch entry; SQS takes every message (with the MD5s
 * its SDK client checks); SES v2 sends every email. Any other call is answered with an error, so a path this class
 * does not know fails in priming (logged) and still sends nothing.
 */
public final class InMemoryAwsAnswers implements PrimingSandbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String SQS = "AmazonSQS.";
    private static final String AWS_JSON = "application/x-amz-json-1.0";

    private final List<PrimingItem> items;

    public InMemoryAwsAnswers(List<PrimingItem> items) {
        this.items = List.copyOf(items);
    }

    @Override
    public void answerInMemory(Runnable priming) {
        InMemoryPrimingTransport.answering(this, priming);
    }

    HttpExecuteResponse answer(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        byte[] body = request.contentStreamProvider().isPresent()
                ? read(request.contentStreamProvider().get().newStream()) : new byte[0];
        String target = http.firstMatchingHeader("X-Amz-Target").orElse("");
        if (target.startsWith(DYNAMODB)) {
            return dynamoDb(target.substring(DYNAMODB.length()), JSON.readTree(body));
        }
        if (target.startsWith(SQS)) {
            return sqs(target.substring(SQS.length()), JSON.readTree(body));
        }
        if (http.encodedPath().startsWith("/v2/email/outbound-emails")) {
            return respond(200, "application/json", "{\"MessageId\":\"" + UUID.randomUUID() + "\"}");
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        if (form.containsKey("Action")) {
            return sns(form);
        }
        return respond(400, "application/json", "{\"message\":\"not answered in SnapStart priming: "
                + http.method() + " " + http.encodedPath() + "\"}");
    }

    private HttpExecuteResponse dynamoDb(String operation, JsonNode request) {
        return switch (operation) {
            case "PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem" ->
                    respond(200, AWS_JSON, "{}");
            case "GetItem" -> respond(200, AWS_JSON, found(request).map(item -> "{\"Item\":" + item + "}")
                    .orElse("{}"));
            case "Query" -> respond(200, AWS_JSON, "{\"Count\":0,\"ScannedCount\":0,\"Items\":[]}");
            default -> respond(400, AWS_JSON, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ValidationException\","
                    + "\"message\":\"not answered in SnapStart priming: " + operation + "\"}");
        };
    }

    /** The priming item of the request's table whose attributes match each of the request's key attributes. */
    private Optional<String> found(JsonNode request) {
        String table = request.path("TableName").asString();
        JsonNode key = request.path("Key");
        return items.stream().filter(p -> p.table().equals(table)).map(p -> wire(p.item()))
                .filter(item -> key.propertyNames().stream().allMatch(name -> key.get(name).equals(item.get(name))))
                .findFirst().map(JsonNode::toString);
    }

    /** An item in DynamoDB's JSON, as its API sends it. */
    static ObjectNode wire(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.createObjectNode();
        item.forEach((name, value) -> node.set(name, wire(value)));
        return node;
    }

    private static ObjectNode wire(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", value.b().asByteArray());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> value.bs().stream().map(SdkBytes::asByteArray).forEach(node.putArray("BS")::add);
            case M -> node.set("M", wire(value.m()));
            case L -> value.l().stream().map(InMemoryAwsAnswers::wire).forEach(node.putArray("L")::add);
            default -> throw new IllegalArgumentException("an attribute of unknown type: " + value);
        }
        return node;
    }

    private static HttpExecuteResponse sqs(String operation, JsonNode request) {
        if (!operation.equals("SendMessage")) {
            return respond(400, AWS_JSON, "{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                    + "\"message\":\"not answered in SnapStart priming: " + operation + "\"}");
        }
        // The SQS client checks each MD5 against what it sent; these are computed as SQS computes them.
        ObjectNode answer = JSON.createObjectNode().put("MessageId", UUID.randomUUID().toString())
                .put("MD5OfMessageBody", md5(request.path("MessageBody").asString()
                        .getBytes(StandardCharsets.UTF_8)));
        if (!request.path("MessageAttributes").isEmpty()) {
            answer.put("MD5OfMessageAttributes", md5OfAttributes(request.path("MessageAttributes")));
        }
        if (!request.path("MessageSystemAttributes").isEmpty()) {
            answer.put("MD5OfMessageSystemAttributes", md5OfAttributes(request.path("MessageSystemAttributes")));
        }
        return respond(200, AWS_JSON, answer.toString());
    }

    /**
     * SQS's digest of message attributes: for each, by name, the name, the data type, a transport byte (1 for string
     * values, 2 for binary) and the value, each but the byte preceded by its length in four bytes.
     */
    static String md5OfAttributes(JsonNode attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, JsonNode> sorted = new TreeMap<>();
        attributes.propertyNames().forEach(name -> sorted.put(name, attributes.get(name)));
        sorted.forEach((name, attribute) -> {
            lengthPrefixed(bytes, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(bytes, attribute.path("DataType").asString().getBytes(StandardCharsets.UTF_8));
            if (attribute.has("BinaryValue")) {
                bytes.write(2);
                lengthPrefixed(bytes, attribute.path("BinaryValue").binaryValue());
            } else {
                bytes.write(1);
                lengthPrefixed(bytes, attribute.path("StringValue").asString().getBytes(StandardCharsets.UTF_8));
            }
        });
        return md5(bytes.toByteArray());
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static HttpExecuteResponse sns(Map<String, String> form) {
        String action = form.get("Action");
        String result = switch (action) {
            case "Publish" -> "<MessageId>" + UUID.randomUUID() + "</MessageId>";
            case "PublishBatch" -> {
                StringBuilder successful = new StringBuilder("<Successful>");
                form.forEach((name, value) -> {
                    if (name.startsWith("PublishBatchRequestEntries.member.") && name.endsWith(".Id")) {
                        successful.append("<member><Id>").append(xml(value)).append("</Id><MessageId>")
                                .append(UUID.randomUUID()).append("</MessageId></member>");
                    }
                });
                yield successful.append("</Successful><Failed/>").toString();
            }
            default -> null;
        };
        if (result == null) {
            return respond(400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                    + "<Message>not answered in SnapStart priming: " + xml(action) + "</Message></Error></ErrorResponse>");
        }
        // action is one of the two above: safe as an element name
        return respond(200, "text/xml", "<" + action + "Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<" + action + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>"
                + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty() || body.startsWith("{")) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static HttpExecuteResponse respond(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status)
                        .putHeader("Content-Type", contentType)
                        .putHeader("Content-Length", Integer.toString(bytes.length))
                        .putHeader("x-amzn-RequestId", UUID.randomUUID().toString()).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has MD5", impossible);
        }
    }
}
