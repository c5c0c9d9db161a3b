package io.eventsuite.localcloud.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the local cloud needs of a SAM template: functions (with {@code Globals} merged), their HTTP API routes,
 * SQS event sources and schedules, the layers, tables, topics, queues, subscriptions, generated secrets and the
 * HTTP API's JWT authorizer and CORS settings. Parameters take their defaults (or given overrides), so conditions
 * and {@code !If} resolve; references to resources stay as logical ids until something is provisioned.
 *
 * <p>Local names come from logical ids: a table, queue or topic without an explicit name is called by its
 * logical id, as the local cloud has one stack only.
 */
public final class SamTemplate {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "local";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Function(String logicalId, String codeUri, String handler, String runtime, int memoryMb,
            int timeoutSeconds, Map<String, Object> environment, List<String> layers, String buildMethod,
            String contextPath, List<HttpRoute> routes, List<SqsSource> sqsSources, List<Schedule> schedules) {
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

    public record SqsSource(String functionId, String eventName, String queueId, int batchSize,
            int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, boolean enabled) {
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
    @SuppressWarnings("unchecked")
    public static SamTemplate load(Path file, Map<String, String> parameterOverrides, String region) {
        Map<String, Object> document = CfnYaml.load(file);
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        map(document.get("Parameters")).forEach((name, definition) -> {
            Map<String, Object> def = map(definition);
            if (parameterOverrides.containsKey(name)) {
                parameters.put(name, parameterOverrides.get(name));
            } else if (def.get("Default") != null) {
                parameters.put(name, Intrinsics.scalar(def.get("Default")));
            } else {
                String value = placeholder(def);
                parameters.put(name, value);
                placeholders.put(name, value);
            }
        });
        Map<String, String> pseudo = Map.of(
                "AWS::Region", region,
                "AWS::AccountId", ACCOUNT_ID,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackName", STACK_NAME,
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local",
                "AWS::NotificationARNs", "");
        Intrinsics intrinsics = new Intrinsics(parameters, pseudo, map(document.get("Conditions")), Intrinsics.NONE);
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(document.get("Resources")).forEach((id, r) -> resources.put(id, map(r)));
        SamTemplate template = new SamTemplate(file, intrinsics, placeholders, resources);
        Map<String, Object> functionGlobals = map(map(document.get("Globals")).get("Function"));
        Map<String, Object> httpApiGlobals = map(map(document.get("Globals")).get("HttpApi"));
        resources.forEach((id, resource) -> {
            if (resource.containsKey("Condition") && !intrinsics.condition(String.valueOf(resource.get("Condition")))) {
                return;
            }
            String type = String.valueOf(resource.get("Type"));
            Map<String, Object> properties = map(resource.get("Properties"));
            Map<String, Object> metadata = map(resource.get("Metadata"));
            switch (type) {
                case "AWS::Serverless::Function" ->
                        template.readFunction(id, (Map<String, Object>) merge(functionGlobals, properties), metadata);
                case "AWS::Serverless::LayerVersion" -> template.layers.put(id, new Layer(id,
                        template.string(properties.get("ContentUri")),
                        (String) metadata.getOrDefault("BuildMethod", null),
                        (String) metadata.getOrDefault("ContextPath", null)));
                case "AWS::DynamoDB::Table" -> template.readTable(id, properties);
                case "AWS::SNS::Topic" -> template.topics.put(id, new Topic(id,
                        Optional.ofNullable(template.string(properties.get("TopicName"))).orElse(id)));
                case "AWS::SQS::Queue" -> template.readQueue(id, properties);
                case "AWS::SNS::Subscription" -> template.readSubscription(id, properties);
                case "AWS::SecretsManager::Secret" -> template.readSecret(id, properties);
                case "AWS::Serverless::HttpApi" ->
                        template.readHttpApi(id, (Map<String, Object>) merge(httpApiGlobals, properties));
                default -> {
                    // Not emulated locally (IAM, logs, alarms, Cognito ...): the local cloud stands in for them.
                }
            }
        });
        template.applyDefaultAuthorizer();
        return template;
    }

    /** A route that names no authorizer gets the HTTP API's default one (none when there is none). */
    private void applyDefaultAuthorizer() {
        String fallback = httpApi == null ? null : httpApi.defaultAuthorizer();
        functions.replaceAll((id, f) -> new Function(f.logicalId(), f.codeUri(), f.handler(), f.runtime(),
                f.memoryMb(), f.timeoutSeconds(), f.environment(), f.layers(), f.buildMethod(), f.contextPath(),
                f.routes().stream().map(r -> "".equals(r.authorizer()) ? new HttpRoute(r.functionId(),
                        r.eventName(), r.method(), r.path(), fallback, r.scopes()) : r).toList(),
                f.sqsSources(), f.schedules()));
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

    // ---- reading ---------------------------------------------------------------------------------------------

    private void readFunction(String id, Map<String, Object> p, Map<String, Object> metadata) {
        List<HttpRoute> routes = new ArrayList<>();
        List<SqsSource> sqs = new ArrayList<>();
        List<Schedule> schedules = new ArrayList<>();
        map(p.get("Events")).forEach((eventName, e) -> {
            Map<String, Object> event = map(e);
            Map<String, Object> ep = map(event.get("Properties"));
            switch (String.valueOf(event.get("Type"))) {
                case "HttpApi" -> {
                    Map<String, Object> auth = map(ep.get("Auth"));
                    String authorizer = string(auth.get("Authorizer"));
                    List<String> scopes = strings(auth.get("AuthorizationScopes"));
                    String method = Optional.ofNullable(string(ep.get("Method"))).orElse("ANY").toUpperCase();
                    String path = Optional.ofNullable(string(ep.get("Path"))).orElse("$default");
                    routes.add(new HttpRoute(id, eventName, method, path,
                            "NONE".equals(authorizer) ? null : authorizer == null ? "" : authorizer, scopes));
                }
                case "SQS" -> sqs.add(new SqsSource(id, eventName, targetId(ep.get("Queue")),
                        integer(ep.get("BatchSize"), 10), integer(ep.get("MaximumBatchingWindowInSeconds"), 0),
                        strings(ep.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                        bool(ep.get("Enabled"), true)));
                case "Schedule", "ScheduleV2" -> {
                    Object input = ep.get("Input");
                    schedules.add(new Schedule(id, eventName, string(ep.getOrDefault("Schedule",
                            ep.get("ScheduleExpression"))), bool(ep.get("Enabled"), true)
                            && !"DISABLED".equals(string(ep.get("State"))), input == null ? null : string(input)));
                }
                default -> {
                    // other event sources are not emulated
                }
            }
        });
        Map<String, Object> env = map(map(p.get("Environment")).get("Variables"));
        List<String> layerIds = new ArrayList<>();
        for (Object layer : list(p.get("Layers"))) {
            String target = targetId(layer);
            if (target != null) {
                layerIds.add(target);
            }
        }
        functions.put(id, new Function(id, string(p.get("CodeUri")), string(p.get("Handler")), string(p.get("Runtime")),
                integer(p.get("MemorySize"), 128), integer(p.get("Timeout"), 3), new LinkedHashMap<>(env),
                List.copyOf(layerIds), string(metadata.get("BuildMethod")), string(metadata.get("ContextPath")),
                List.copyOf(routes), List.copyOf(sqs), List.copyOf(schedules)));
    }

    private void readTable(String id, Map<String, Object> p) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : list(p.get("AttributeDefinitions"))) {
            Map<String, Object> attr = map(a);
            attributes.add(AttributeDefinition.builder().attributeName(string(attr.get("AttributeName")))
                    .attributeType(string(attr.get("AttributeType"))).build());
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Object i : list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = map(i);
            gsis.add(GlobalSecondaryIndex.builder().indexName(string(index.get("IndexName")))
                    .keySchema(keySchema(index.get("KeySchema"))).projection(projection(index.get("Projection")))
                    .build());
        }
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (Object i : list(p.get("LocalSecondaryIndexes"))) {
            Map<String, Object> index = map(i);
            lsis.add(LocalSecondaryIndex.builder().indexName(string(index.get("IndexName")))
                    .keySchema(keySchema(index.get("KeySchema"))).projection(projection(index.get("Projection")))
                    .build());
        }
        String name = Optional.ofNullable(string(p.get("TableName"))).orElse(id);
        tables.put(id, new Table(id, name, List.copyOf(attributes), keySchema(p.get("KeySchema")), List.copyOf(gsis),
                List.copyOf(lsis)));
    }

    private void readQueue(String id, Map<String, Object> p) {
        boolean fifo = bool(p.get("FifoQueue"), false);
        String name = Optional.ofNullable(string(p.get("QueueName"))).orElse(fifo ? id + ".fifo" : id);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "ContentBasedDeduplication")) {
            String value = string(p.get(attribute));
            if (value != null) {
                attributes.put(attribute, value);
            }
        }
        if (fifo) {
            attributes.put("FifoQueue", "true");
        }
        Map<String, Object> redrive = map(p.get("RedrivePolicy"));
        queues.put(id, new Queue(id, name, Map.copyOf(attributes), targetId(redrive.get("deadLetterTargetArn")),
                redrive.containsKey("maxReceiveCount") ? integer(redrive.get("maxReceiveCount"), 10) : null));
    }

    private void readSubscription(String id, Map<String, Object> p) {
        String protocol = string(p.get("Protocol"));
        Object filter = p.get("FilterPolicy");
        String filterJson = null;
        if (filter != null) {
            Object resolved = intrinsics.resolve(filter);
            filterJson = resolved instanceof String s ? s : JSON.writeValueAsString(resolved);
        }
        subscriptions.put(id, new Subscription(id, targetId(p.get("TopicArn")), protocol,
                "sqs".equals(protocol) ? targetId(p.get("Endpoint")) : null, bool(p.get("RawMessageDelivery"), false),
                filterJson, string(p.get("FilterPolicyScope")),
                targetId(map(p.get("RedrivePolicy")).get("deadLetterTargetArn"))));
    }

    private void readSecret(String id, Map<String, Object> p) {
        Map<String, Object> generate = map(p.get("GenerateSecretString"));
        secrets.put(id, new Secret(id, string(p.get("SecretString")), integer(generate.get("PasswordLength"), 32),
                Optional.ofNullable(string(generate.get("ExcludeCharacters"))).orElse(""),
                bool(generate.get("ExcludePunctuation"), false), bool(generate.get("ExcludeNumbers"), false),
                bool(generate.get("ExcludeUppercase"), false), bool(generate.get("ExcludeLowercase"), false),
                bool(generate.get("IncludeSpace"), false)));
    }

    private void readHttpApi(String id, Map<String, Object> p) {
        Map<String, Object> auth = map(p.get("Auth"));
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        map(auth.get("Authorizers")).forEach((name, a) -> {
            Map<String, Object> authorizer = map(a);
            Map<String, Object> jwt = map(authorizer.get("JwtConfiguration"));
            if (!jwt.isEmpty()) {
                authorizers.put(name, new JwtAuthorizer(name, string(authorizer.get("IdentitySource")),
                        jwt.get("issuer"), jwt.get("audience")));
            }
        });
        Cors cors = null;
        Object corsConfig = p.get("CorsConfiguration");
        if (corsConfig instanceof Map<?, ?>) {
            Map<String, Object> c = map(corsConfig);
            cors = new Cors(strings(c.get("AllowOrigins")), strings(c.get("AllowMethods")),
                    strings(c.get("AllowHeaders")), strings(c.get("ExposeHeaders")),
                    c.get("MaxAge") == null ? null : integer(c.get("MaxAge"), 0), bool(c.get("AllowCredentials"), false));
        } else if (corsConfig != null && bool(corsConfig, false)) {
            cors = new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        }
        httpApi = new HttpApi(id, string(auth.get("DefaultAuthorizer")), Map.copyOf(authorizers), cors);
    }

    // ---- values ----------------------------------------------------------------------------------------------

    /** The logical id a {@code !Ref X} or {@code !GetAtt X.Attr} points to; {@code null} for anything else. */
    static String targetId(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Object ref = m.get("Ref");
            if (ref != null) {
                return String.valueOf(ref);
            }
            Object getAtt = m.get("Fn::GetAtt");
            if (getAtt instanceof List<?> parts && !parts.isEmpty()) {
                return String.valueOf(parts.get(0));
            }
            if (getAtt instanceof String s) {
                return s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            }
        }
        return null;
    }

    private String string(Object value) {
        return value == null ? null : intrinsics.string(value);
    }

    private List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        Object resolved = intrinsics.resolve(value);
        if (resolved instanceof List<?> items) {
            return items.stream().map(Intrinsics::scalar).toList();
        }
        return resolved == null ? List.of() : List.of(Intrinsics.scalar(resolved));
    }

    private int integer(Object value, int fallback) {
        String s = string(value);
        return s == null ? fallback : Integer.parseInt(s);
    }

    private boolean bool(Object value, boolean fallback) {
        String s = string(value);
        return s == null ? fallback : Boolean.parseBoolean(s);
    }

    private List<KeySchemaElement> keySchema(Object value) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : list(value)) {
            Map<String, Object> key = map(k);
            keys.add(KeySchemaElement.builder().attributeName(string(key.get("AttributeName")))
                    .keyType(string(key.get("KeyType"))).build());
        }
        return List.copyOf(keys);
    }

    private Projection projection(Object value) {
        Map<String, Object> p = map(value);
        List<String> nonKey = strings(p.get("NonKeyAttributes"));
        return Projection.builder().projectionType(Optional.ofNullable(string(p.get("ProjectionType"))).orElse("ALL"))
                .nonKeyAttributes(nonKey.isEmpty() ? null : nonKey).build();
    }

    /** A local value for a parameter without a default that its constraints accept. */
    private static String placeholder(Map<String, Object> definition) {
        List<?> allowed = list(definition.get("AllowedValues"));
        if (!allowed.isEmpty()) {
            return Intrinsics.scalar(allowed.get(0));
        }
        Object pattern = definition.get("AllowedPattern");
        for (String candidate : List.of("local", "no-reply@eventsuite.local", "0")) {
            if (pattern == null || Pattern.compile(String.valueOf(pattern)).matcher(candidate).matches()) {
                return candidate;
            }
        }
        return "local";
    }

    /** SAM's Globals merge: maps merge key by key, lists append, a function's own scalar wins. */
    @SuppressWarnings("unchecked")
    static Object merge(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) g);
            ((Map<String, Object>) l).forEach((k, v) -> out.put(k, out.containsKey(k) ? merge(out.get(k), v) : v));
            return out;
        }
        if (global instanceof List<?> g && local instanceof List<?> l && !isIntrinsic(local)) {
            List<Object> out = new ArrayList<>(g);
            out.addAll(l);
            return out;
        }
        return local == null ? global : local;
    }

    private static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1
                && m.keySet().stream().anyMatch(k -> "Ref".equals(k) || String.valueOf(k).startsWith("Fn::"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
