package io.eventsuite.localcloud.sns;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON document SNS delivers to a queue when raw message delivery is off.
 *
 * <p>Fields, in AWS's order: {@code Type} ("Notification"), {@code MessageId}, {@code TopicArn}, {@code Subject}
 * (only when published with one), {@code Message} (verbatim), {@code Timestamp} (UTC, ISO-8601 with milliseconds),
 * {@code SignatureVersion} ("1"), {@code Signature}, {@code SigningCertURL}, {@code UnsubscribeURL} and
 * {@code MessageAttributes} (only when there are any) as {@code {"name": {"Type": "String", "Value": "..."}}},
 * binary values in base64.
 *
 * <p><b>The signature is not real.</b> {@link #SIGNATURE} is a fixed base64 placeholder and {@code SigningCertURL}
 * points at the stand-in, which serves no certificate: code that verifies SNS signatures must be configured off
 * locally.
 */
public final class SnsEnvelope {

    /** A fixed placeholder, base64 of "eventsuite local SNS stand-in: not a real signature". */
    public static final String SIGNATURE = java.util.Base64.getEncoder().encodeToString(
            "eventsuite local SNS stand-in: not a real signature".getBytes(StandardCharsets.US_ASCII));
    public static final String SIGNATURE_VERSION = "1";
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SnsEnvelope() {
    }

    static String toJson(Notification n, String subscriptionArn, URI standInEndpoint) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Type", "Notification");
        root.put("MessageId", n.messageId());
        root.put("TopicArn", n.topicArn());
        if (n.subject() != null) {
            root.put("Subject", n.subject());
        }
        root.put("Message", n.message());
        root.put("Timestamp", TIMESTAMP.format(n.timestamp()));
        root.put("SignatureVersion", SIGNATURE_VERSION);
        root.put("Signature", SIGNATURE);
        root.put("SigningCertURL", base(standInEndpoint) + "/SimpleNotificationService-local-stand-in.pem");
        root.put("UnsubscribeURL", base(standInEndpoint) + "/?Action=Unsubscribe&SubscriptionArn="
                + URLEncoder.encode(subscriptionArn, StandardCharsets.UTF_8).replace("%3A", ":"));
        if (!n.attributes().isEmpty()) {
            ObjectNode attributes = root.putObject("MessageAttributes");
            for (Map.Entry<String, MessageAttributeValue> e : n.attributes().entrySet()) {
                ObjectNode attribute = attributes.putObject(e.getKey());
                attribute.put("Type", e.getValue().dataType());
                attribute.put("Value", e.getValue().envelopeValue());
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static String base(URI endpoint) {
        String s = endpoint.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
