package io.eventsuite.localcloud;

import io.eventsuite.localcloud.gateway.DevTokenIssuer;
import io.eventsuite.localcloud.gateway.JwtAuthorizer;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.template.SamTemplate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
