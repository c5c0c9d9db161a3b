package io.eventsuite.localcloud;

import io.eventsuite.localcloud.gateway.DevTokenIssuer;
import io.eventsuite.localcloud.gateway.JwtAuthorizer;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.template.SamTemplate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Set;

/**
 * The template's JWT authorizers, made to trust a local dev issuer instead of the real one (Cognito): the
 * issuer mints tokens for the audience and scopes the template asks for, so its tokens pass every route.
 */
record LocalAuthorization(DevTokenIssuer issuer, Map<String, JwtAuthorizer> authorizers) {

    static LocalAuthorization create(SamTemplate template, ProvisionedStack stack, String issuerUrl) {
        Set<String> audiences = new LinkedHashSet<>();
        Set<String> scopes = new LinkedHashSet<>();
        template.routes().forEach(r -> scopes.addAll(r.scopes()));
        SamTemplate.HttpApi api = template.httpApi().orElse(null);
        if (api != null) {
            api.authorizers().values().forEach(a -> audiences.addAll(audiences(template, stack, a)));
        }
        DevTokenIssuer issuer = new DevTokenIssuer(issuerUrl,
                audiences.isEmpty() ? "local-client" : audiences.iterator().next(), List.copyOf(scopes),
                Clock.systemUTC());
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        if (api != null) {
            api.authorizers().values().forEach(a -> authorizers.put(a.name(), new JwtAuthorizer(a.header(), issuerUrl,
                    audiences(template, stack, a), issuer.publicKeys(), Clock.systemUTC())));
        }
        return new LocalAuthorization(issuer, authorizers);
    }

    /**
     * What {@code sam local start-api} needs in a function to verify bearer tokens itself (it runs no JWT authorizer):
     * the dev issuer's key set, issuer and client, and the scopes the template's authorizer requires on the function's
     * route, as {@code -D} system properties for {@code JAVA_TOOL_OPTIONS}, the one variable env.json can set (the
     * template declares it and never these names). None for a function without an authorized route.
     */
    List<String> samLocalJavaOptions(SamTemplate.Function function) {
        return samLocalJavaOptions(function, issuer.issuer(), issuer.clientId());
    }

    static List<String> samLocalJavaOptions(SamTemplate.Function function, String issuerUrl, String audience) {
        List<SamTemplate.HttpRoute> routes = function.routes().stream().filter(r -> r.authorizer() != null).toList();
        if (routes.isEmpty()) {
            return List.of();
        }
        Set<List<String>> scopeSets = routes.stream().map(SamTemplate.HttpRoute::scopes).collect(Collectors.toSet());
        if (scopeSets.size() > 1) {
            // One set of properties per function: routes of one function with different scopes cannot be told apart.
            throw new IllegalStateException(function.logicalId() + " serves routes with different scopes " + scopeSets
                    + "; sam local's token check needs one set per function");
        }
        return List.of("-Deventsuite.local-auth.jwks-uri=" + issuerUrl + "/jwks.json",
                "-Deventsuite.local-auth.issuer=" + issuerUrl,
                "-Deventsuite.local-auth.audience=" + audience,
                "-Deventsuite.local-auth.route-scopes=" + String.join(",", routes.getFirst().scopes()));
    }

    /** The audiences an authorizer accepts; they often reference a user pool client, hence the stack. */
    private static List<String> audiences(SamTemplate template, ProvisionedStack stack,
            SamTemplate.JwtAuthorizer authorizer) {
        Object resolved = template.intrinsics().withReferences(stack).resolve(authorizer.audience());
        if (resolved instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return resolved == null ? List.of() : List.of(String.valueOf(resolved));
    }
}
