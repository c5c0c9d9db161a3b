package io.eventsuite.localcloud.provision;

import io.eventsuite.localcloud.template.Intrinsics;
import io.eventsuite.localcloud.template.SamTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The template's resources as they exist in the emulators (or on the user's endpoints): table names, topic ARNs,
 * queue URLs and ARNs, generated secrets. It answers the template's {@code !Ref} and {@code !GetAtt}, so a
 * function's environment resolves to local values, and it adds what only the local cloud needs (endpoints,
 * credentials, the captured-email queue).
 */
public final class ProvisionedStack implements Intrinsics.References {

    /** Any credentials work with the emulators: these are what the functions get there. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";
    public static final String CAPTURED_EMAIL_QUEUE = "captured-email";

    /** Endpoints of the emulators the functions use. */
    public record Endpoints(URI dynamodb, URI sns, URI sqs) {
    }

    private final SamTemplate template;
    private final String region;
    private final Endpoints endpoints;
    private final AwsCredentials credentials;
    final Map<String, String> tableNames = new LinkedHashMap<>();
    final Map<String, String> topicArns = new LinkedHashMap<>();
    final Map<String, String> queueUrls = new LinkedHashMap<>();
    final Map<String, String> queueArns = new LinkedHashMap<>();
    final Map<String, String> subscriptionArns = new LinkedHashMap<>();
    final Map<String, String> secretArns = new LinkedHashMap<>();
    final Map<String, String> secretValues = new LinkedHashMap<>();
    String capturedEmailQueueUrl;
    private final Consumer<String> warnings;

    ProvisionedStack(SamTemplate template, String region, Endpoints endpoints, AwsCredentials credentials,
            Consumer<String> warnings) {
        this.template = template;
        this.region = region;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.warnings = warnings;
    }

    public SamTemplate template() {
        return template;
    }

    public String region() {
        return region;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Map<String, String> tableNames() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tableNames));
    }

    public Map<String, String> topicArns() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(topicArns));
    }

    public String queueUrl(String logicalId) {
        return require(queueUrls, logicalId, "queue");
    }

    public String queueArn(String logicalId) {
        return require(queueArns, logicalId, "queue");
    }

    public Map<String, String> queueUrls() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(queueUrls));
    }

    public Map<String, String> subscriptionArns() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(subscriptionArns));
    }

    /** The local stand-in for SES: notifications land here as JSON messages. */
    public String capturedEmailQueueUrl() {
        return capturedEmailQueueUrl;
    }

    /** The function's variables as the template declares them, resolved to local values. */
    public Map<String, String> declaredEnvironment(SamTemplate.Function function) {
        Intrinsics intrinsics = template.intrinsics().withReferences(this);
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, raw) -> {
            try {
                String value = intrinsics.string(raw);
                if (value != null) {
                    env.put(name, resolveDynamicReferences(value));
                }
            } catch (RuntimeException e) {
                warnings.accept(function.logicalId() + ": " + name + " cannot be resolved locally (" + e.getMessage()
                        + "); left unset");
            }
        });
        return env;
    }

    /**
     * What the local cloud adds to every function: the endpoints (the emulators' or the user's), the credentials
     * the provisioning used, the captured-email queue. The one place these variable names are written.
     */
    public Map<String, String> localOverrides() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamodb().toString());
        env.put("AWS_ENDPOINT_URL_SNS", endpoints.sns().toString());
        env.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            env.put("AWS_SESSION_TOKEN", session.sessionToken());
        }
        env.put("CAPTURED_EMAIL_QUEUE_URL", capturedEmailQueueUrl);
        return env;
    }

    /** The environment an execution environment gets: the declared variables plus the local overrides. */
    public Map<String, String> functionEnvironment(SamTemplate.Function function) {
        Map<String, String> env = declaredEnvironment(function);
        env.putAll(localOverrides());
        return env;
    }

    /**
     * {@code sam local --env-vars} content for one function. SAM only overrides variables the template declares,
     * so the endpoints, credentials and captured-email queue also travel as Java system properties in
     * {@code JAVA_TOOL_OPTIONS} (declared in Globals), which the AWS SDK and Spring both read. Only the emulators'
     * made-up credentials go into the file: the user's own (with {@code --aws-endpoint}) stay out of it, as
     * {@code sam local} hands the caller's AWS credentials to the function itself.
     */
    public Map<String, String> samEnvironment(SamTemplate.Function function) {
        Map<String, String> env = declaredEnvironment(function);
        Map<String, String> overrides = localOverrides();
        if (!ACCESS_KEY.equals(credentials.accessKeyId())) {
            overrides.keySet().removeAll(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"));
        }
        if (env.containsKey("JAVA_TOOL_OPTIONS")) {
            List<String> properties = new ArrayList<>(List.of(
                    "-Daws.endpointUrlDynamoDb=" + overrides.get("AWS_ENDPOINT_URL_DYNAMODB"),
                    "-Daws.endpointUrlSns=" + overrides.get("AWS_ENDPOINT_URL_SNS"),
                    "-Daws.endpointUrlSqs=" + overrides.get("AWS_ENDPOINT_URL_SQS")));
            if (overrides.containsKey("AWS_ACCESS_KEY_ID")) {
                properties.add("-Daws.accessKeyId=" + overrides.get("AWS_ACCESS_KEY_ID"));
                properties.add("-Daws.secretAccessKey=" + overrides.get("AWS_SECRET_ACCESS_KEY"));
            }
            properties.add("-DCAPTURED_EMAIL_QUEUE_URL=" + overrides.get("CAPTURED_EMAIL_QUEUE_URL"));
            env.put("JAVA_TOOL_OPTIONS", (env.get("JAVA_TOOL_OPTIONS") + " " + String.join(" ", properties)).strip());
        }
        env.putAll(overrides);
        return env;
    }

    // ---- references ------------------------------------------------------------------------------------------

    @Override
    public Object ref(String logicalId) {
        String type = String.valueOf(template.typeOf(logicalId));
        return switch (type) {
            case "AWS::DynamoDB::Table" -> require(tableNames, logicalId, "table");
            case "AWS::SNS::Topic" -> require(topicArns, logicalId, "topic");
            case "AWS::SQS::Queue" -> require(queueUrls, logicalId, "queue");
            case "AWS::SNS::Subscription" -> require(subscriptionArns, logicalId, "subscription");
            case "AWS::SecretsManager::Secret" -> require(secretArns, logicalId, "secret");
            case "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion" ->
                    "arn:aws:lambda:" + region + ":" + SamTemplate.ACCOUNT_ID + ":layer:" + logicalId + ":1";
            // A function's name, an API's id, a user pool's or app client's id ...: the logical id stands in.
            default -> logicalId;
        };
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        String type = String.valueOf(template.typeOf(logicalId));
        String account = SamTemplate.ACCOUNT_ID;
        return switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" ->
                    "arn:aws:dynamodb:" + region + ":" + account + ":table/" + require(tableNames, logicalId, "table");
            case "AWS::SQS::Queue.Arn" -> require(queueArns, logicalId, "queue");
            case "AWS::SQS::Queue.QueueUrl" -> require(queueUrls, logicalId, "queue");
            case "AWS::SQS::Queue.QueueName" ->
                    require(queueArns, logicalId, "queue").substring(queueArns.get(logicalId).lastIndexOf(':') + 1);
            case "AWS::SNS::Topic.TopicArn" -> require(topicArns, logicalId, "topic");
            case "AWS::SNS::Topic.TopicName" ->
                    require(topicArns, logicalId, "topic").substring(topicArns.get(logicalId).lastIndexOf(':') + 1);
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" ->
                    "arn:aws:lambda:" + region + ":" + account + ":function:" + logicalId;
            default -> {
                warnings.accept("!GetAtt " + logicalId + "." + attribute + " has no local value; using a placeholder");
                yield "local-" + logicalId + "-" + attribute;
            }
        };
    }

    /**
     * Replaces CloudFormation dynamic references to the template's own secrets
     * ({@code {{resolve:secretsmanager:<arn or name>:SecretString[:json-key...]}}}) with their generated values.
     */
    String resolveDynamicReferences(String value) {
        String marker = "{{resolve:secretsmanager:";
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int start = value.indexOf(marker); start >= 0; start = value.indexOf(marker, from)) {
            int end = value.indexOf("}}", start);
            if (end < 0) {
                break;
            }
            out.append(value, from, start);
            String inner = value.substring(start + marker.length(), end);
            out.append(secretFor(inner));
            from = end + 2;
        }
        out.append(value.substring(from));
        return out.toString();
    }

    private String secretFor(String reference) {
        for (Map.Entry<String, String> secret : secretArns.entrySet()) {
            String arn = secret.getValue();
            String id = secret.getKey();
            if (reference.equals(arn) || reference.startsWith(arn + ":") || reference.equals(id)
                    || reference.startsWith(id + ":")) {
                return secretValues.get(id);
            }
        }
        throw new Intrinsics.UnresolvableException("no secret of the template matches {{resolve:secretsmanager:"
                + reference + "}}");
    }

    private static String require(Map<String, String> values, String logicalId, String what) {
        String value = values.get(logicalId);
        if (value == null) {
            throw new Intrinsics.UnresolvableException("no " + what + " " + logicalId + " was provisioned");
        }
        return value;
    }
}
