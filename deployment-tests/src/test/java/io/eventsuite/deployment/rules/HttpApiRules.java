package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.map;
import static io.eventsuite.deployment.template.Nodes.ref;
import static io.eventsuite.deployment.template.Nodes.string;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** No open route: every HTTP route is behind the JWT authorizer and requires a declared scope. */
final class HttpApiRules {

    static final String HTTP_API = "AWS::Serverless::HttpApi";

    private HttpApiRules() {
    }

    static RuleCheck everyRouteIsAuthorized(Template template) {
        RuleCheck check = RuleCheck.rule("every-route-is-authorized",
                "no open route: each route is on an HTTP API whose JWT authorizer it does not opt out of");

        template.ofType(HTTP_API).forEach(api -> {
            Map<String, Object> auth = map(api.property("Auth"));
            Map<String, Object> authorizers = map(auth.get("Authorizers"));
            Object defaultAuthorizer = auth.get("DefaultAuthorizer");
            check.require(defaultAuthorizer instanceof String name && authorizers.containsKey(name), api.id(),
                    "Auth.DefaultAuthorizer must name one of Auth.Authorizers " + authorizers.keySet());
            authorizers.forEach((name, authorizer) -> {
                check.require(at(authorizer, "JwtConfiguration", "issuer") != null, api.id(),
                        "authorizer " + name + " has no JwtConfiguration.issuer");
                check.require(!list(at(authorizer, "JwtConfiguration", "audience")).isEmpty(), api.id(),
                        "authorizer " + name + " has no JwtConfiguration.audience");
                check.require(at(authorizer, "IdentitySource") != null, api.id(),
                        "authorizer " + name + " has no IdentitySource");
            });
        });

        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            template.events(function, "Api").keySet().forEach(name -> check.violation(function.id(),
                    "event " + name + " is a REST API (Type: Api) route; routes belong on the HTTP API"));
            template.events(function, "HttpApi").forEach((name, event) -> {
                String route = route(function, name, event);
                var apiId = ref(event.get("ApiId"));
                if (apiId.isEmpty()) {
                    check.violation(route, "has no ApiId: it would land on SAM's implicit HTTP API, which has no authorizer");
                    return;
                }
                var api = template.resource(apiId.get()).filter(r -> r.type().equals(HTTP_API));
                if (api.isEmpty()) {
                    check.violation(route, "ApiId " + apiId.get() + " is not an " + HTTP_API + " of this template");
                    return;
                }
                Map<String, Object> authorizers = map(at(api.get().properties(), "Auth", "Authorizers"));
                Object authorizer = at(event, "Auth", "Authorizer");
                if (authorizer == null) {
                    authorizer = at(api.get().properties(), "Auth", "DefaultAuthorizer");
                }
                if ("NONE".equals(authorizer)) {
                    check.violation(route, "opts out of the authorizer (Auth.Authorizer: NONE)");
                } else if (!(authorizer instanceof String a) || !authorizers.containsKey(a)) {
                    check.violation(route, "has no authorizer: neither Auth.Authorizer nor the API's DefaultAuthorizer"
                            + " names one of " + authorizers.keySet());
                }
            });
        });

        template.ofType("AWS::ApiGatewayV2::Route").forEach(route -> check.require(
                "JWT".equals(route.property("AuthorizationType")) || "CUSTOM".equals(route.property("AuthorizationType"))
                        || "AWS_IAM".equals(route.property("AuthorizationType")),
                route.id(), "AuthorizationType must be JWT (or CUSTOM/AWS_IAM), not " + route.property("AuthorizationType")));
        return check;
    }

    static RuleCheck everyRouteRequiresItsScope(Template template) {
        RuleCheck check = RuleCheck.rule("every-route-requires-its-scope",
                "each route requires the resource server scope of its resource (/users -> <server>/users), which"
                        + " the user pool declares and its app client may request");
        Set<String> identifiers = new LinkedHashSet<>();
        Set<String> declared = new LinkedHashSet<>();
        template.ofType("AWS::Cognito::UserPoolResourceServer").forEach(server -> {
            String identifier = String.valueOf(server.property("Identifier"));
            identifiers.add(identifier);
            list(server.property("Scopes")).forEach(scope -> declared.add(identifier + "/" + at(scope, "ScopeName")));
        });
        Set<String> allowed = new LinkedHashSet<>();
        template.ofType("AWS::Cognito::UserPoolClient")
                .forEach(client -> list(client.property("AllowedOAuthScopes")).forEach(s -> allowed.add(String.valueOf(s))));

        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function ->
                template.events(function, "HttpApi").forEach((name, event) -> {
                    String route = route(function, name, event);
                    List<Object> scopes = list(at(event, "Auth", "AuthorizationScopes"));
                    if (scopes.isEmpty()) {
                        check.violation(route, "has no Auth.AuthorizationScopes");
                        return;
                    }
                    for (Object scope : scopes) {
                        check.require(declared.contains(String.valueOf(scope)), route,
                                "scope " + scope + " is not declared by a UserPoolResourceServer " + declared);
                        check.require(allowed.contains(String.valueOf(scope)), route,
                                "scope " + scope + " is not in any UserPoolClient's AllowedOAuthScopes");
                    }
                    String resource = string(event.get("Path")).map(HttpApiRules::firstSegment).orElse("");
                    boolean matches = identifiers.stream().anyMatch(id -> scopes.contains(id + "/" + resource));
                    check.require(matches, route, "requires " + scopes + " but a /" + resource + " route should"
                            + " require the scope " + identifiers.stream().map(id -> id + "/" + resource).toList());
                }));
        return check;
    }

    private static String route(Resource function, String eventName, Map<String, Object> event) {
        return function.id() + " (" + eventName + ": " + event.get("Method") + " " + event.get("Path") + ")";
    }

    private static String firstSegment(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(0, slash);
    }
}
