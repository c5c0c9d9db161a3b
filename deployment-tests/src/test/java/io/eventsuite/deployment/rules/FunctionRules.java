package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.number;
import static io.eventsuite.deployment.template.Nodes.ref;
import static io.eventsuite.deployment.template.Nodes.references;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every function is sized, logged, pinned to one bean, and told exactly what it may touch. */
final class FunctionRules {

    static final String FUNCTION_INVOKER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
    /** C1 only, as Lambda; Spring AOT on (the artifacts carry its generated context, see the services' poms). */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true";
    static final String DEFINITION = "SPRING_CLOUD_FUNCTION_DEFINITION";
    static final String MAIN_CLASS = "MAIN_CLASS";
    static final String RELAY_BEAN = "relayPendingEvents";

    /** The adapters' contract: variable name to the table it must name. */
    static final Map<String, String> TABLE_VARIABLES = Map.of(
            "USERS_TABLE", "UsersTable",
            "ORDERS_TABLE", "OrdersTable",
            "NOTIFICATIONS_TABLE", "NotificationsTable",
            "RECIPIENTS_TABLE", "RecipientsTable",
            "IDEMPOTENCY_TABLE", "IdempotencyTable");

    /** A service's own topic, by application class: a service publishes only its own events. */
    static final Map<String, String> OWN_TOPIC = Map.of(
            "io.eventsuite.user.UserServiceApplication", "UserEventsTopic",
            "io.eventsuite.order.OrderServiceApplication", "OrderEventsTopic");

    static final Set<String> OTHER_VARIABLES = Set.of(DEFINITION, MAIN_CLASS, "JAVA_TOOL_OPTIONS", "EVENTS_TOPIC_ARN",
            "SENDER_ADDRESS", "CURSOR_SIGNING_KEY", LeastPrivilegeRules.KEY_PREFIX_VARIABLE,
            "EVENTSUITE_TRACING_EXPORTER", "MANAGEMENT_TRACING_SAMPLING_PROBABILITY");

    private FunctionRules() {
    }

    static RuleCheck explicitMemoryAndTimeout(Template template) {
        RuleCheck check = RuleCheck.rule("explicit-memory-and-timeout",
                "each function states its own MemorySize and Timeout (not only Globals); HTTP ones end before the"
                        + " HTTP API's 30 s integration limit");
        template.functions().forEach(function -> {
            Optional<Long> memory = number(function.property("MemorySize"));
            Optional<Long> timeout = number(function.property("Timeout"));
            check.require(memory.filter(m -> m >= 128 && m <= 10_240).isPresent(), function.id(),
                    "MemorySize must be set on the function (128 to 10240), is " + function.property("MemorySize"));
            check.require(timeout.filter(t -> t >= 1 && t <= 900).isPresent(), function.id(),
                    "Timeout must be set on the function (1 to 900 s), is " + function.property("Timeout"));
            if (!template.events(function, "HttpApi").isEmpty()) {
                check.require(timeout.filter(t -> t < 30).isPresent(), function.id(),
                        "serves HTTP, so its Timeout must be under 30 s, is " + function.property("Timeout"));
            }
        });
        return check;
    }

    static RuleCheck ownLogGroupWithRetention(Template template) {
        RuleCheck check = RuleCheck.rule("own-log-group-with-retention",
                "each function logs to its own log group, and every log group expires its logs");
        Map<String, String> owners = new LinkedHashMap<>();
        template.functions().forEach(function -> {
            Optional<String> group = ref(function.property("LoggingConfig", "LogGroup"));
            if (group.isEmpty() || !template.has(group.get(), "AWS::Logs::LogGroup")) {
                check.violation(function.id(), "LoggingConfig.LogGroup must be !Ref <an AWS::Logs::LogGroup here>");
                return;
            }
            String previous = owners.putIfAbsent(group.get(), function.id());
            check.require(previous == null, function.id(), "shares log group " + group.get() + " with " + previous);
        });
        template.ofType("AWS::Logs::LogGroup").forEach(group -> check.require(
                group.property("RetentionInDays") != null, group.id(), "log group has no RetentionInDays"));
        return check;
    }

    static RuleCheck functionsArePinnedToOneBean(Template template) {
        RuleCheck check = RuleCheck.rule("functions-are-pinned-to-one-bean",
                "FunctionInvoker serves the bean named by SPRING_CLOUD_FUNCTION_DEFINITION of the application in"
                        + " MAIN_CLASS; unpinned, any caller could pick any bean with a header");
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            Map<String, Object> env = template.environment(function);
            check.require(env.get(DEFINITION) instanceof String d && !d.isBlank(), function.id(),
                    DEFINITION + " must be a literal bean name, is " + env.get(DEFINITION));
            check.require(env.get(MAIN_CLASS) instanceof String c && c.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.[A-Z]\\w*"),
                    function.id(), MAIN_CLASS + " must be a literal class name, is " + env.get(MAIN_CLASS));
            check.require(FUNCTION_INVOKER.equals(template.effectiveProperties(function).get("Handler")), function.id(),
                    "Handler must be " + FUNCTION_INVOKER);
        });
        return check;
    }

    static RuleCheck functionsUseThePlatformSettings(Template template) {
        RuleCheck check = RuleCheck.rule("functions-use-the-platform-settings",
                "java21 on arm64, SnapStart on a published alias, active tracing, JSON logs, the shared layer, C1 only,"
                        + " built by the Makefile from a service folder");
        Path root = template.file().toAbsolutePath().getParent();
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            Map<String, Object> p = template.effectiveProperties(function);
            String id = function.id();
            check.require("java21".equals(p.get("Runtime")), id, "Runtime must be java21, is " + p.get("Runtime"));
            check.require(List.of("arm64").equals(list(p.get("Architectures"))), id, "Architectures must be [arm64]");
            check.require("Active".equals(p.get("Tracing")), id, "Tracing must be Active");
            check.require("PublishedVersions".equals(at(p, "SnapStart", "ApplyOn")), id, "SnapStart.ApplyOn must be PublishedVersions");
            check.require(p.get("AutoPublishAlias") instanceof String, id, "AutoPublishAlias must be set (SnapStart runs on versions)");
            check.require("JSON".equals(at(p, "LoggingConfig", "LogFormat")), id, "LoggingConfig.LogFormat must be JSON");
            check.require(list(p.get("Layers")).stream().map(l -> ref(l).orElse(""))
                            .anyMatch(l -> template.has(l, "AWS::Serverless::LayerVersion")), id,
                    "Layers must include the dependencies layer of this template");
            check.require(JAVA_TOOL_OPTIONS.equals(template.environment(function).get("JAVA_TOOL_OPTIONS")), id,
                    "JAVA_TOOL_OPTIONS must be " + JAVA_TOOL_OPTIONS);
            check.require(template.environment(function).containsKey("EVENTSUITE_TRACING_EXPORTER")
                            && template.environment(function).containsKey("MANAGEMENT_TRACING_SAMPLING_PROBABILITY"), id,
                    "EVENTSUITE_TRACING_EXPORTER and MANAGEMENT_TRACING_SAMPLING_PROBABILITY must be set (Globals):"
                            + " every function exports its spans the same way");
            check.require("makefile".equals(function.metadata().get("BuildMethod")), id,
                    "Metadata.BuildMethod must be makefile (SAM's Maven builder cannot build this multi-module project)");
            Object codeUri = p.get("CodeUri");
            check.require(codeUri instanceof String uri && uri.startsWith("services/")
                            && Files.isRegularFile(root.resolve(uri).resolve("pom.xml")), id,
                    "CodeUri must be a service folder with a pom.xml, is " + codeUri);
        });
        return check;
    }

    static RuleCheck environmentFollowsTheContract(Template template) {
        RuleCheck check = RuleCheck.rule("environment-follows-the-contract",
                "the adapters read exactly these variables: " + TABLE_VARIABLES.keySet() + " and " + OTHER_VARIABLES
                        + ", each naming the right resource");
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            Map<String, Object> env = template.environment(function);
            env.forEach((name, value) -> {
                String where = function.id() + " " + name;
                if (TABLE_VARIABLES.containsKey(name)) {
                    check.require(ref(value).equals(Optional.of(TABLE_VARIABLES.get(name))), where,
                            "must be !Ref " + TABLE_VARIABLES.get(name) + ", is " + value);
                } else if (name.equals("EVENTS_TOPIC_ARN")) {
                    String own = OWN_TOPIC.get(String.valueOf(env.get(MAIN_CLASS)));
                    check.require(own != null && ref(value).equals(Optional.of(own)), where,
                            own == null ? "this service publishes no events" : "must be !Ref " + own + " (the service's own topic), is " + value);
                } else if (name.equals("SENDER_ADDRESS")) {
                    check.require(ref(value).equals(Optional.of("SenderAddress")), where, "must be !Ref SenderAddress");
                } else if (name.equals("CURSOR_SIGNING_KEY")) {
                    // A secret: only ever a dynamic reference to the generated secret, never a literal.
                    check.require(String.valueOf(value).contains("{{resolve:secretsmanager:${CursorSigningKey}"), where,
                            "must be a dynamic reference to the CursorSigningKey secret, is " + value);
                } else {
                    check.require(OTHER_VARIABLES.contains(name), where, "is not a variable the adapters read");
                }
            });
        });
        return check;
    }

    static RuleCheck permissionsMatchTheEnvironment(Template template) {
        RuleCheck check = RuleCheck.rule("permissions-match-the-environment",
                "a function may touch exactly the tables and topics its variables name: nothing it is not told"
                        + " about, and nothing it is told about is forbidden");
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            Map<String, Object> env = template.environment(function);
            Set<String> inPolicies = references(function.property("Policies"));
            Set<String> toldAbout = env.values().stream().map(v -> ref(v).orElse("")).collect(Collectors.toSet());
            for (String type : List.of("AWS::DynamoDB::Table", MessagingRules.TOPIC)) {
                Set<String> allowed = onlyOfType(template, inPolicies, type);
                Set<String> told = onlyOfType(template, toldAbout, type);
                check.require(allowed.equals(told), function.id(),
                        "its policies reach " + allowed + " but its environment names " + told);
            }
        });
        return check;
    }

    static RuleCheck everyProducerHasAScheduledRelay(Template template) {
        RuleCheck check = RuleCheck.rule("every-producer-has-a-scheduled-relay",
                "events still pending after a write are republished every minute by the service's relay function,"
                        + " which finishes within the minute");
        Set<String> producers = new LinkedHashSet<>();
        Set<String> relayed = new LinkedHashSet<>();
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            Map<String, Object> env = template.environment(function);
            String service = String.valueOf(env.get(MAIN_CLASS));
            if (env.containsKey("EVENTS_TOPIC_ARN")) {
                producers.add(service);
            }
            if (!RELAY_BEAN.equals(env.get(DEFINITION))) {
                return;
            }
            relayed.add(service);
            List<Object> schedules = template.events(function, "Schedule").values().stream()
                    .map(e -> e.get("Schedule")).map(Object.class::cast).toList();
            check.require(schedules.equals(List.of("rate(1 minute)")), function.id(),
                    "must have one Schedule event, rate(1 minute); has " + schedules);
            check.require(number(function.property("Timeout")).filter(t -> t < 60).isPresent(), function.id(),
                    "Timeout must be under 60 s so that runs do not overlap");
        });
        producers.stream().filter(p -> !relayed.contains(p))
                .forEach(p -> check.violation(p, "publishes events but has no function running " + RELAY_BEAN));
        return check;
    }

    private static Set<String> onlyOfType(Template template, Set<String> ids, String type) {
        return ids.stream().filter(id -> template.has(id, type)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static Resource function(Template template, String id) {
        return template.resource(id).orElseThrow();
    }
}
