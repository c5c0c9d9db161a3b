package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.map;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;

/**
 * What the local cloud needs of a SAM template: functions (with {@code Globals} merged), their HTTP API routes,
 * SQS event sources and schedules, the layers, tables, topics, queues, subscriptions, generated secrets and the
 * HTTP API's JWT authorizer and CORS settings. Parameters take their defaults (or given overrides), so conditions
 * and {@code !If} resolve; references to resources stay as logical ids until something is provisioned.
 *
 * <p>Local names come from logical ids: a table, queue or topic without an explicit name is called by its
 * logical id, as the local cloud has one stack only.
 *
 * <p>This class is the model (the records below) and the index of it; each kind of resource is read by its own
 * reader ({@link FunctionReader}, {@link TableReader}, {@link MessagingReader}, {@link SecretReader},
 * {@link HttpApiReader}), parameters by {@link TemplateParameters} and {@code Globals} by {@link SamGlobals}.
 */
public final class SamTemplate {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "local";

    /** @param reservedConcurrency {@code ReservedConcurrentExecutions}, 0 when the template sets none */
    public record Function(String logicalId, String codeUri, String handler, String runtime, int memoryMb,
            int timeoutSeconds, Map<String, Object> environment, List<String> layers, String buildMethod,
            String contextPath, List<HttpRoute> routes, List<SqsSource> sqsSources, List<Schedule> schedules,
            int reservedConcurrency) {
    }

    /**
     * @param authorizer the JWT authorizer's name, or {@code null} for an open route
     * @param scopes     the route's authorization scopes (any one of them suffices)
     */
    public record HttpRoute(String functionId, String eventName, String method, String path, String authorizer,
            List<String> scopes) {

        public String routeKey() {
            return method + " " + path;
        }
    }

    /** @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, 0 when the template sets none */
    public record SqsSource(String functionId, String eventName, String queueId, int batchSize,
            int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, boolean enabled,
            int maximumConcurrency) {
    }

    /** A {@code Schedule} (or {@code ScheduleV2}) event: {@code rate(...)} or {@code cron(...)}. */
    public record Schedule(String functionId, String eventName, String expression, boolean enabled, String input) {
    }

    public record Layer(String logicalId, String contentUri, String buildMethod, String contextPath) {
    }

    public record Table(String logicalId, String tableName, List<AttributeDefinition> attributes,
            List<KeySchemaElement> keySchema, List<GlobalSecondaryIndex> globalIndexes,
            List<LocalSecondaryIndex> localIndexes) {

        /** What creates it locally: the template's keys and indexes, on-demand capacity. */
        public CreateTableRequest createTableRequest() {
            return CreateTableRequest.builder()
                    .tableName(tableName)
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema)
                    .globalSecondaryIndexes(globalIndexes.isEmpty() ? null : globalIndexes)
                    .localSecondaryIndexes(localIndexes.isEmpty() ? null : localIndexes)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .build();
        }
    }

    public record Topic(String logicalId, String topicName) {
    }

    /** A queue; {@code deadLetterQueueId} and {@code maxReceiveCount} come from its RedrivePolicy. */
    public record Queue(String logicalId, String queueName, Map<String, String> attributes, String deadLetterQueueId,
            Integer maxReceiveCount) {
    }

    /** An SNS subscription; {@code endpointQueueId} is the queue of an {@code sqs} endpoint. */
    public record Subscription(String logicalId, String topicId, String protocol, String endpointQueueId,
            boolean rawMessageDelivery, String filterPolicy, String filterPolicyScope, String redriveDeadLetterQueueId) {
    }

    /** A Secrets Manager secret: a fixed SecretString, or one to generate as GenerateSecretString says. */
    public record Secret(String logicalId, String secretString, int passwordLength, String excludeCharacters,
            boolean excludePunctuation, boolean excludeNumbers, boolean excludeUppercase, boolean excludeLowercase,
            boolean includeSpace) {
    }

    /** A JWT authorizer as written in the template (issuer and audience may hold references). */
    public record JwtAuthorizer(String name, String identitySource, Object issuer, Object audience) {

        /** The request header the token comes in ({@code $request.header.Authorization}), lower-cased. */
        public String header() {
            String source = identitySource == null ? "$request.header.Authorization" : identitySource;
            return source.substring(source.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
            List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
    }

    public record HttpApi(String logicalId, String defaultAuthorizer, Map<String, JwtAuthorizer> authorizers,
            Cors cors) {
    }

    private final Path file;
    private final Intrinsics intrinsics;
    private final Map<String, String> placeholderParameters;
    private final Map<String, Map<String, Object>> resources;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private HttpApi httpApi;

    private SamTemplate(Path file, Intrinsics intrinsics, Map<String, String> placeholderParameters,
            Map<String, Map<String, Object>> resources) {
        this.file = file;
        this.intrinsics = intrinsics;
        this.placeholderParameters = placeholderParameters;
        this.resources = resources;
    }

    /** Reads a template with its parameters' defaults, in region {@code us-east-1}. */
    public static SamTemplate load(Path file) {
        return load(file, Map.of(), "us-east-1");
    }

    /**
     * Reads a template.
     *
     * @param parameterOverrides values for parameters (others take their Default; a parameter with no Default
     *                           gets a local placeholder that satisfies its AllowedValues or AllowedPattern)
     * @param region             the region the pseudo parameter {@code AWS::Region} stands for
     */
    public static SamTemplate load(Path file, Map<String, String> parameterOverrides, String region) {
        Map<String, Object> document = CfnYaml.load(file);
        TemplateParameters parameters = TemplateParameters.resolve(document, parameterOverrides);
        Intrinsics intrinsics = parameters.intrinsics(document, region);
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(document.get("Resources")).forEach((id, r) -> resources.put(id, map(r)));
        SamTemplate template = new SamTemplate(file, intrinsics, parameters.placeholders(), resources);
        template.readResources(SamGlobals.of(document));
        template.applyDefaultAuthorizer();
        return template;
    }

    /** Reads each resource whose condition holds with the reader of its type; others are not emulated. */
    private void readResources(SamGlobals globals) {
        TemplateValues values = new TemplateValues(intrinsics);
        FunctionReader functionReader = new FunctionReader(values);
        TableReader tableReader = new TableReader(values);
        MessagingReader messagingReader = new MessagingReader(values);
        SecretReader secretReader = new SecretReader(values);
        HttpApiReader httpApiReader = new HttpApiReader(values);
        resources.forEach((id, resource) -> {
            if (resource.containsKey("Condition") && !intrinsics.condition(String.valueOf(resource.get("Condition")))) {
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            Map<String, Object> metadata = map(resource.get("Metadata"));
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::Serverless::Function" ->
                        functions.put(id, functionReader.read(id, globals.function(properties), metadata));
                case "AWS::Serverless::LayerVersion" -> layers.put(id, new Layer(id,
                        values.string(properties.get("ContentUri")),
                        (String) metadata.getOrDefault("BuildMethod", null),
                        (String) metadata.getOrDefault("ContextPath", null)));
                case "AWS::DynamoDB::Table" -> tables.put(id, tableReader.read(id, properties));
                case "AWS::SNS::Topic" -> topics.put(id, messagingReader.topic(id, properties));
                case "AWS::SQS::Queue" -> queues.put(id, messagingReader.queue(id, properties));
                case "AWS::SNS::Subscription" -> subscriptions.put(id, messagingReader.subscription(id, properties));
                case "AWS::SecretsManager::Secret" -> secrets.put(id, secretReader.read(id, properties));
                case "AWS::Serverless::HttpApi" -> httpApi = httpApiReader.read(id, globals.httpApi(properties));
                default -> {
                    // Not emulated locally (IAM, logs, alarms, Cognito ...): the local cloud stands in for them.
                }
            }
        });
    }

    /**
     * A route that names no authorizer gets the HTTP API's default one (none when there is none); done after
     * reading, as the HTTP API may come after its functions in the template.
     */
    private void applyDefaultAuthorizer() {
        String fallback = httpApi == null ? null : httpApi.defaultAuthorizer();
        functions.replaceAll((id, f) -> FunctionReader.withDefaultAuthorizer(f, fallback));
    }

    public Path file() {
        return file;
    }

    /** The project folder: where the template lives, and where CodeUri and ContentUri are relative to. */
    public Path baseDir() {
        return file.toAbsolutePath().getParent();
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    /** Parameters that had neither a Default nor an override, with the local value they were given. */
    public Map<String, String> placeholderParameters() {
        return placeholderParameters;
    }

    public Collection<Function> functions() {
        return functions.values();
    }

    public Function function(String logicalId) {
        Function f = functions.get(logicalId);
        if (f == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in " + file);
        }
        return f;
    }

    public Collection<Layer> layers() {
        return layers.values();
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    public Collection<Topic> topics() {
        return topics.values();
    }

    public Collection<Queue> queues() {
        return queues.values();
    }

    public Collection<Subscription> subscriptions() {
        return subscriptions.values();
    }

    public Collection<Secret> secrets() {
        return secrets.values();
    }

    /** The HTTP API resource, if the template declares one. */
    public Optional<HttpApi> httpApi() {
        return Optional.ofNullable(httpApi);
    }

    /** Every HTTP API route of every function. */
    public List<HttpRoute> routes() {
        return functions.values().stream().flatMap(f -> f.routes().stream()).toList();
    }

    /** The resource type of a logical id ({@code AWS::SQS::Queue} ...), or {@code null}. */
    public String typeOf(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        return resource == null ? null : String.valueOf(resource.get("Type"));
    }

    /** SAM's Globals merge (see {@link SamGlobals#merge}). */
    static Object merge(Object global, Object local) {
        return SamGlobals.merge(global, local);
    }
}
