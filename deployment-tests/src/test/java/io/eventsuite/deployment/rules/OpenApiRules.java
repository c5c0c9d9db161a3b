package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.map;

import io.eventsuite.deployment.template.Template;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI description (docs/openapi.yaml) describes the API the template deploys: the same routes (method and
 * path), each with the scopes the template's authorizer requires, and nothing else.
 */
final class OpenApiRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private OpenApiRules() {
    }

    static RuleCheck operationsAreTheTemplatesRoutes(Template template, Map<String, Object> spec) {
        RuleCheck check = RuleCheck.rule("openapi-matches-the-template",
                "docs/openapi.yaml has exactly the template's HttpApi routes, with the same scopes");
        Map<String, List<String>> routes = new TreeMap<>();
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function ->
                template.events(function, "HttpApi").forEach((name, event) -> routes.put(
                        String.valueOf(event.get("Method")).toUpperCase(Locale.ROOT) + " " + event.get("Path"),
                        sorted(list(at(event, "Auth", "AuthorizationScopes"))))));
        Map<String, List<String>> operations = operations(spec, check);

        routes.forEach((route, scopes) -> {
            if (!operations.containsKey(route)) {
                check.violation(route, "is a route of the template but no operation of docs/openapi.yaml");
            } else {
                check.require(operations.get(route).equals(scopes), route, "docs/openapi.yaml requires scopes "
                        + operations.get(route) + ", the template " + scopes);
            }
        });
        operations.keySet().stream().filter(op -> !routes.containsKey(op)).forEach(op ->
                check.violation(op, "is an operation of docs/openapi.yaml but no route of the template"));
        return check;
    }

    /** Each operation's scopes: its own security requirement, else the document's; all of oauth2 schemes. */
    private static Map<String, List<String>> operations(Map<String, Object> spec, RuleCheck check) {
        Map<String, Object> schemes = map(at(spec, "components", "securitySchemes"));
        Map<String, List<String>> operations = new TreeMap<>();
        map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String key = method.toUpperCase(Locale.ROOT) + " " + path;
            Object security = map(operation).containsKey("security") ? map(operation).get("security")
                    : spec.get("security");
            List<Object> requirements = list(security);
            if (requirements.size() != 1) {
                check.violation(key, "must name exactly one security requirement (the Cognito JWT), not "
                        + requirements.size());
                return;
            }
            Map<String, Object> requirement = map(requirements.getFirst());
            requirement.keySet().forEach(scheme -> check.require(
                    "oauth2".equals(at(schemes.get(scheme), "type")), key,
                    "security scheme " + scheme + " is not an oauth2 scheme of components.securitySchemes"));
            operations.put(key, sorted(requirement.values().stream().flatMap(v -> list(v).stream()).toList()));
        }));
        return operations;
    }

    private static List<String> sorted(List<Object> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }
}
