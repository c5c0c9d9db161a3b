package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.getAtt;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.map;
import static io.eventsuite.deployment.template.Nodes.ref;
import static io.eventsuite.deployment.template.Nodes.references;

import io.eventsuite.adapters.dynamodb.DynamoDbActions;
import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Least privilege as the code defines it: a function may do exactly what its adapters call (see
 * {@link FunctionCalls}), never Scan, only its own idempotency records, and only a paging function holds the cursor
 * key.
 */
final class LeastPrivilegeRules {

    static final String IDEMPOTENCY_TABLE = "IdempotencyTable";
    static final String KEY_PREFIX_VARIABLE = "IDEMPOTENCY_KEY_PREFIX";

    /** One action on one resource: a logical id, {@code <table>/index/<name>}, or for SES its sender identities. */
    record Grant(String action, String resource) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    private static final String SES_IDENTITIES = "the sender's SES identities";
    private static final Pattern SUB_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}(/index/[A-Za-z0-9._*-]+)?");

    /** What SAM's policy templates expand to (sam-translator's policy_templates.json), for the ones seen here. */
    private static final Map<String, List<String>> TEMPLATE_ACTIONS = Map.of(
            "DynamoDBReadPolicy", List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
                    "dynamodb:BatchGetItem", "dynamodb:DescribeTable"),
            "DynamoDBWritePolicy", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"),
            "DynamoDBCrudPolicy", List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem",
                    "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
                    "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"),
            "SNSPublishMessagePolicy", List.of("sns:Publish"));

    private LeastPrivilegeRules() {
    }

    static RuleCheck noScanAnywhere(Template template) {
        RuleCheck check = RuleCheck.rule("no-scan-anywhere",
                "Scan reads every item of a table (every user's email, every order); nothing here needs it, and SAM's"
                        + " DynamoDBReadPolicy and DynamoDBCrudPolicy include it");
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            for (Object policy : list(function.property("Policies"))) {
                map(policy).keySet().stream().filter(name -> TEMPLATE_ACTIONS.getOrDefault(name, List.of())
                                .contains("dynamodb:Scan"))
                        .forEach(name -> check.violation(function.id(), "policy template " + name + " grants dynamodb:Scan"));
                list(map(policy).get("Statement")).forEach(s -> scan(check, function.id(), s));
            }
        });
        template.ofType("AWS::IAM::Role").forEach(role -> list(role.property("Policies")).forEach(p ->
                list(at(p, "PolicyDocument", "Statement")).forEach(s -> scan(check, role.id(), s))));
        template.ofType(t -> t.equals("AWS::IAM::Policy") || t.equals("AWS::IAM::ManagedPolicy"))
                .forEach(policy -> list(policy.property("PolicyDocument", "Statement"))
                        .forEach(s -> scan(check, policy.id(), s)));
        return check;
    }

    private static void scan(RuleCheck check, String owner, Object statement) {
        if ("Allow".equals(at(statement, "Effect"))) {
            list(at(statement, "Action")).stream().map(String::valueOf)
                    .filter(a -> a.equalsIgnoreCase("dynamodb:Scan"))
                    .forEach(a -> check.violation(owner + where(statement), "grants " + a));
        }
    }

    static RuleCheck functionsMayDoWhatTheirCodeCalls(Template template) {
        return functionsMayDoWhatTheirCodeCalls(template, FunctionCalls::of);
    }

    /** @param callsOf what a function's code calls, by logical id */
    static RuleCheck functionsMayDoWhatTheirCodeCalls(Template template, Function<String, FunctionCalls.Calls> callsOf) {
        RuleCheck check = RuleCheck.rule("functions-may-do-what-their-code-calls",
                "each function's policies grant exactly the actions its adapters call (DynamoDbActions, FunctionCalls),"
                        + " on the tables, indexes and topic they are wired to: an unused action is a privilege an"
                        + " attacker could use, a missing one fails in AWS only");
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            Set<Grant> granted = new TreeSet<>();
            for (Object policy : list(function.property("Policies"))) {
                Map<String, Object> entry = map(policy);
                if (policy instanceof String || entry.isEmpty()) {
                    check.violation(function.id(), "policy " + policy + ": write explicit statements");
                    continue;
                }
                entry.forEach((name, body) -> {
                    if (name.equals("Statement")) {
                        list(body).stream().filter(s -> "Allow".equals(at(s, "Effect")))
                                .forEach(s -> granted.addAll(grants(s)));
                    } else if (TEMPLATE_ACTIONS.containsKey(name)) {
                        granted.addAll(templateGrants(name, body));
                    } else {
                        check.violation(function.id(), "policy template " + name + ": write explicit statements");
                    }
                });
            }
            Set<Grant> expected = expected(template, function, callsOf.apply(function.id()), check);
            granted.stream().filter(g -> !expected.contains(g)).forEach(g -> check.violation(function.id(),
                    "grants " + g + ", which no adapter of this function calls"));
            expected.stream().filter(g -> !granted.contains(g)).forEach(g -> check.violation(function.id(),
                    "its code calls " + g + ", which its policies do not grant"));
        });
        return check;
    }

    private static Set<Grant> expected(Template template, Resource function, FunctionCalls.Calls calls, RuleCheck check) {
        Map<String, Object> env = template.environment(function);
        String mainClass = String.valueOf(env.get(FunctionRules.MAIN_CLASS));
        Set<Grant> expected = new TreeSet<>();
        for (String method : calls.repositoryMethods()) {
            Optional<String> table = FunctionCalls.tableOf(method, mainClass);
            if (table.isEmpty()) {
                check.violation(function.id(), method + " is wired to no table of " + mainClass);
                continue;
            }
            DynamoDbActions.of(method).forEach(call -> expected.add(new Grant(call.action().iam(),
                    table.get() + call.index().map(i -> "/index/" + i).orElse(""))));
        }
        for (FunctionCalls.Other other : calls.other()) {
            switch (other) {
                case PUBLISHES_EVENTS -> {
                    String topic = FunctionRules.OWN_TOPIC.get(mainClass);
                    expected.add(new Grant(other.action, topic == null ? "no topic of " + mainClass : topic));
                }
                case SENDS_EMAIL -> expected.add(new Grant(other.action, SES_IDENTITIES));
            }
        }
        return expected;
    }

    private static List<Grant> grants(Object statement) {
        List<Grant> grants = new ArrayList<>();
        for (Object action : list(at(statement, "Action"))) {
            String name = String.valueOf(action);
            if (name.startsWith("ses:")) {
                grants.add(new Grant(name, SES_IDENTITIES));
                continue;
            }
            list(at(statement, "Resource")).forEach(r -> grants.add(new Grant(name, resource(r))));
        }
        return grants;
    }

    private static List<Grant> templateGrants(String name, Object body) {
        Object target = name.startsWith("SNS") ? at(body, "TopicName") : at(body, "TableName");
        String resource = ref(target).or(() -> getAtt(target, "TopicName")).orElse(String.valueOf(target));
        List<String> resources = name.startsWith("DynamoDB") ? List.of(resource, resource + "/index/*") : List.of(resource);
        return TEMPLATE_ACTIONS.get(name).stream()
                .flatMap(action -> resources.stream().map(r -> new Grant(action, r))).toList();
    }

    /** {@code !GetAtt X.Arn} and {@code !Ref X} as X; {@code !Sub ${X.Arn}/index/i} as X/index/i. */
    static String resource(Object node) {
        Optional<String> id = getAtt(node, "Arn").or(() -> ref(node));
        if (id.isPresent()) {
            return id.get();
        }
        Object sub = map(node).get("Fn::Sub");
        if (sub instanceof String text) {
            Matcher m = SUB_ARN.matcher(text);
            if (m.matches()) {
                return m.group(1) + (m.group(2) == null ? "" : m.group(2));
            }
        }
        return String.valueOf(node);
    }

    static RuleCheck idempotencyRecordsStayWithTheirOwner(Template template) {
        RuleCheck check = RuleCheck.rule("idempotency-records-stay-with-their-owner",
                "one table holds every function's idempotency records, each under its " + KEY_PREFIX_VARIABLE
                        + "; a dynamodb:LeadingKeys condition (ForAllValues:StringLike <prefix>#*) keeps a function"
                        + " from reading, overwriting or releasing another's");
        Map<String, String> owners = new HashMap<>();
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            Map<String, Object> env = template.environment(function);
            Object prefix = env.get(KEY_PREFIX_VARIABLE);
            boolean usesTable = ref(env.get("IDEMPOTENCY_TABLE")).isPresent();
            check.require(usesTable == (prefix != null), function.id(),
                    KEY_PREFIX_VARIABLE + " must be set exactly when IDEMPOTENCY_TABLE is");
            if (prefix != null && !(prefix instanceof String p && p.matches("[A-Za-z0-9._-]{1,64}"))) {
                check.violation(function.id(), KEY_PREFIX_VARIABLE + " must be a literal of [A-Za-z0-9._-], is " + prefix);
                prefix = null;
            }
            if (prefix != null) {
                String other = owners.putIfAbsent(String.valueOf(prefix), function.id());
                check.require(other == null, function.id(), KEY_PREFIX_VARIABLE + " " + prefix + " is also " + other + "'s");
            }
            for (Object policy : list(function.property("Policies"))) {
                Map<String, Object> entry = map(policy);
                entry.keySet().stream().filter(name -> !name.equals("Statement"))
                        .filter(name -> references(entry.get(name)).contains(IDEMPOTENCY_TABLE))
                        .forEach(name -> check.violation(function.id(), "policy template " + name + " on "
                                + IDEMPOTENCY_TABLE + " cannot carry the LeadingKeys condition"));
                for (Object statement : list(entry.get("Statement"))) {
                    List<String> resources = list(at(statement, "Resource")).stream().map(LeastPrivilegeRules::resource).toList();
                    if (resources.stream().noneMatch(r -> r.startsWith(IDEMPOTENCY_TABLE))) {
                        continue;
                    }
                    String where = function.id() + where(statement);
                    check.require(resources.stream().allMatch(r -> r.equals(IDEMPOTENCY_TABLE)), where,
                            "a statement on " + IDEMPOTENCY_TABLE + " must name only that table, is " + resources);
                    List<Object> leading = list(at(statement, "Condition", "ForAllValues:StringLike", "dynamodb:LeadingKeys"));
                    List<Object> wanted = prefix == null ? List.of() : List.of(prefix + "#*");
                    check.require(!leading.isEmpty() && leading.equals(wanted)
                                    && map(at(statement, "Condition")).size() == 1, where,
                            "needs Condition ForAllValues:StringLike dynamodb:LeadingKeys " + wanted + " (and no other),"
                                    + " has " + at(statement, "Condition"));
                }
            }
        });
        return check;
    }

    static RuleCheck cursorKeyOnlyWhereCursorsAreSigned(Template template) {
        return cursorKeyOnlyWhereCursorsAreSigned(template, FunctionCalls::of);
    }

    static RuleCheck cursorKeyOnlyWhereCursorsAreSigned(Template template, Function<String, FunctionCalls.Calls> callsOf) {
        RuleCheck check = RuleCheck.rule("cursor-key-only-where-cursors-are-signed",
                "CURSOR_SIGNING_KEY is a secret in the function's configuration: only functions that page with"
                        + " signed cursors (" + DynamoDbActions.SIGN_PAGE_CURSORS + ") get it");
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            boolean has = template.environment(function).containsKey("CURSOR_SIGNING_KEY");
            boolean pages = callsOf.apply(function.id()).signsPageCursors();
            check.require(has == pages, function.id(), pages ? "pages with signed cursors but has no CURSOR_SIGNING_KEY"
                    : "holds CURSOR_SIGNING_KEY but never signs a cursor");
        });
        return check;
    }

    private static String where(Object statement) {
        return at(statement, "Sid") != null ? " (statement " + at(statement, "Sid") + ")" : "";
    }
}
